package io.omnihub.console.reply;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

import io.omnihub.store.conversation.Conversation;
import io.omnihub.store.customer.Consent;
import io.omnihub.store.customer.ContactPoint;
import io.omnihub.store.customer.ContactPointRepository;
import io.omnihub.store.customer.ContactPointType;
import io.omnihub.store.inbox.Inbox;
import io.omnihub.store.inbox.InboxRepository;
import io.omnihub.store.interaction.Direction;
import io.omnihub.store.interaction.Interaction;

/**
 * Where a reply goes: on which channel, from which inbox, to which address. By default a
 * conversation is answered on its own channel (a call by SMS, a message left in the chat while
 * nobody was online by email); an agent may switch to another channel the customer has. Another
 * channel is sent from the inbox the conversation's inbox names for it ({@code reply-mailbox},
 * {@code reply-sms}).
 */
@Component
class ReplyChannels {

    static final Set<String> CHANNELS = Set.of("email", "sms", "chat");

    /** The resolved route of one reply. */
    record Route(String channel, long inboxId, String recipient) {
    }

    private final InboxRepository inboxes;
    private final ContactPointRepository contactPoints;
    private final Binder settings;

    ReplyChannels(InboxRepository inboxes, ContactPointRepository contactPoints, Environment environment) {
        this.inboxes = inboxes;
        this.contactPoints = contactPoints;
        this.settings = Binder.get(environment);
    }

    /** The channel a reply takes when the agent does not choose one. */
    String defaultChannel(Conversation conversation, List<Interaction> history) {
        if ("voice".equals(conversation.getChannel())) {
            return "sms";
        }
        boolean leftOffline = history.stream().anyMatch(i -> "email".equals(i.getMetadata().get("replyBy")));
        return leftOffline ? "email" : conversation.getChannel();
    }

    /** The channels an agent may answer this conversation on, its default first. */
    List<String> choices(Conversation conversation, List<Interaction> history) {
        String preferred = defaultChannel(conversation, history);
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(preferred),
                        java.util.stream.Stream.of("email", "sms").filter(c -> !c.equals(preferred)))
                .filter(c -> CHANNELS.contains(c))
                .filter(c -> c.equals(preferred) || inboxFor(conversation, c).isPresent()
                        && recipient(conversation, history, c).isPresent())
                .toList();
    }

    Route route(Conversation conversation, List<Interaction> history, String requested) {
        String channel = requested == null || requested.isBlank() ? defaultChannel(conversation, history) : requested;
        if (!CHANNELS.contains(channel)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "replies on the " + channel
                    + " channel are not supported (email, sms, chat)");
        }
        if ("chat".equals(channel) && (!"chat".equals(conversation.getChannel())
                || !"chat".equals(defaultChannel(conversation, history)))) {
            throw conflict("only a live chat can be answered in the chat");
        }
        long inboxId = inboxFor(conversation, channel).orElseThrow(() -> conflict("the inbox of this conversation "
                + "has no " + ("email".equals(channel) ? "reply-mailbox" : "reply-sms") + " configured to answer by "
                + channel));
        String recipient = recipient(conversation, history, channel).orElseThrow(() -> conflict(
                "the customer has no " + ("email".equals(channel) ? "email address" : "sms".equals(channel)
                        ? "phone number" : "chat") + " to reply to"));
        return new Route(channel, inboxId, recipient);
    }

    private Optional<Long> inboxFor(Conversation conversation, String channel) {
        Inbox own = inboxes.findById(conversation.getInboxId()).orElseThrow();
        if (channel.equals(own.getChannel()) || "chat".equals(channel)) {
            return Optional.of(own.getId());
        }
        String setting = "email".equals(channel) ? "reply-mailbox" : "reply-sms";
        String key = settings.bind("omnihub.inboxes." + own.getKey() + "." + setting, String.class).orElse(null);
        return Optional.ofNullable(key).flatMap(inboxes::findByKey).map(Inbox::getId);
    }

    /** The customer's latest address on that channel in this conversation, else their contact point. */
    private Optional<String> recipient(Conversation conversation, List<Interaction> history, String channel) {
        Optional<String> latest = history.stream().filter(i -> i.getDirection() == Direction.INBOUND)
                .filter(i -> "chat".equals(channel) ? "chat".equals(i.getChannel()) : isAddress(channel, i.getSender()))
                .max(Comparator.comparing(Interaction::getOccurredAt)).map(Interaction::getSender);
        if (latest.isPresent() || "chat".equals(channel)) {
            return latest;
        }
        ContactPointType type = "email".equals(channel) ? ContactPointType.EMAIL : ContactPointType.PHONE;
        return contactPoints.findByCustomerIdOrderByIdAsc(conversation.getCustomerId()).stream()
                .filter(cp -> cp.getType() == type && !cp.isBouncing() && cp.getConsent() != Consent.OPTED_OUT)
                .map(ContactPoint::getValue).findFirst();
    }

    private static boolean isAddress(String channel, String sender) {
        return sender != null && ("email".equals(channel) ? sender.contains("@") : sender.startsWith("+"));
    }

    private static ResponseStatusException conflict(String reason) {
        return new ResponseStatusException(HttpStatus.CONFLICT, reason);
    }
}
