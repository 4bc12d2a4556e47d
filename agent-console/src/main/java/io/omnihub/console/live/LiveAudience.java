package io.omnihub.console.live;

import com.fasterxml.jackson.databind.JsonNode;
import io.omnihub.console.security.InboxAccess;
import io.omnihub.store.conversation.ConversationFilter.Visibility;
import io.omnihub.store.conversation.ConversationPlaces;
import io.omnihub.store.inbox.InboxRepository;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Who may receive a live event or signal: the same inbox rule as pages and the API. An event or
 * signal about a conversation (by its id, or a chat session) reaches a viewer only if they may see
 * that conversation; one about a customer only (CustomerCreated, CustomersMerged...) only if the
 * customer is not known solely in restricted inboxes the viewer does not work. Supervisors,
 * administrators and integrations receive everything. What a conversation or customer may be seen
 * through is looked up once per few seconds, not per event and viewer.
 */
@Component
class LiveAudience {

    private static final long FRESH_NANOS = 5_000_000_000L;
    private static final int REMEMBERED = 50_000;

    private record Place(Long inboxId, Long teamId, long at) {
    }

    private record CustomerPlaces(List<Place> places, long at) {
    }

    private final InboxAccess access;
    private final ConversationPlaces places;
    private final InboxRepository inboxes;
    private final Map<String, Place> conversations = new ConcurrentHashMap<>();
    private final Map<Long, CustomerPlaces> customers = new ConcurrentHashMap<>();

    LiveAudience(InboxAccess access, ConversationPlaces places, InboxRepository inboxes) {
        this.access = access;
        this.places = places;
        this.inboxes = inboxes;
    }

    /** The filter for one viewer's stream: true for what they may receive. */
    Predicate<JsonNode> forViewer(Principal viewer) {
        Visibility visibility = viewer == null ? null : access.visibility(viewer);
        if (visibility == null) {
            return message -> true;
        }
        return message -> {
            try {
                return allows(visibility, message);
            } catch (DataAccessException e) {
                // the database is away: nothing about conversations goes to a viewer it cannot be checked for
                return false;
            }
        };
    }

    private boolean allows(Visibility visibility, JsonNode message) {
        JsonNode data = message.has("data") ? message.path("data") : message;
        if (data.path("conversationId").canConvertToLong()) {
            Place place = conversation("id:" + data.path("conversationId").asLong());
            return place == null || visibility.allows(place.inboxId(), place.teamId());
        }
        if (data.path("chatSession").isTextual()) {
            Place place = conversation("chat:" + data.path("chatSession").asText());
            if (place == null && data.path("inbox").isTextual()) {
                // a visitor typing before the chat's first message: the inbox decides
                place = inbox(data.path("inbox").asText());
            }
            return place == null || visibility.allows(place.inboxId(), place.teamId());
        }
        if (message.path("customerId").canConvertToLong()) {
            List<Place> places = customer(message.path("customerId").asLong());
            return places.isEmpty() || places.stream().anyMatch(p -> visibility.allows(p.inboxId(), p.teamId()));
        }
        return true;
    }

    private Place conversation(String key) {
        Place known = conversations.get(key);
        if (known != null && System.nanoTime() - known.at() < FRESH_NANOS) {
            return known;
        }
        Optional<ConversationPlaces.Place> found = key.startsWith("id:")
                ? places.ofConversation(Long.parseLong(key.substring(3)))
                : places.ofChatSession(key.substring(5));
        if (found.isEmpty()) {
            return null;
        }
        Place place = new Place(found.get().inboxId(), found.get().teamId(), System.nanoTime());
        if (conversations.size() > REMEMBERED) {
            conversations.clear();
        }
        conversations.put(key, place);
        return place;
    }

    private Place inbox(String key) {
        Place known = conversations.get("inbox:" + key);
        if (known != null && System.nanoTime() - known.at() < FRESH_NANOS) {
            return known;
        }
        Optional<Long> found = inboxes.findIdByKey(key);
        if (found.isEmpty()) {
            return null;
        }
        Place place = new Place(found.get(), null, System.nanoTime());
        conversations.put("inbox:" + key, place);
        return place;
    }

    private List<Place> customer(long customerId) {
        CustomerPlaces known = customers.get(customerId);
        if (known != null && System.nanoTime() - known.at() < FRESH_NANOS) {
            return known.places();
        }
        List<Place> found = places.ofCustomer(customerId).stream().map(p -> new Place(p.inboxId(), p.teamId(), 0))
                .toList();
        if (customers.size() > REMEMBERED) {
            customers.clear();
        }
        customers.put(customerId, new CustomerPlaces(found, System.nanoTime()));
        return found;
    }
}
