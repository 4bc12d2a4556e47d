package io.omnihub.console.reply;

import java.util.Comparator;
import java.util.Objects;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

import io.omnihub.store.channel.ChannelType;
import io.omnihub.store.channel.Channels;
import io.omnihub.store.channel.ReplyAddressing;
import io.omnihub.store.conversation.Conversation;
import io.omnihub.store.customer.Consent;
import io.omnihub.store.customer.ContactPoint;
import io.omnihub.store.customer.ContactPointRepository;
import io.omnihub.store.inbox.Inbox;
import io.omnihub.store.inbox.InboxRepository;
import io.omnihub.store.interaction.Direction;
import io.omnihub.store.interaction.Interaction;

/**
 * Where a reply goes: on which channel, from which inbox, to which address, as the channels' types say
 * ({@link ChannelType}: nothing here names a channel). By default a conversation is answered on the channel
 * its type names (its own; a call by SMS), or on the one a message asked for ({@code replyBy}: a message
 * left in the chat while nobody was online, by email); an agent may switch to another channel the customer
 * has. Another channel is sent from the inbox the conversation's inbox names for it (the channel's
 * {@code senderSetting}: {@code reply-mailbox}, {@code reply-sms}).
 */
@Component
class ReplyChannels {

    /** The resolved route of one reply. */
    record Route(String channel, long inboxId, String recipient) {
    }

    private final Channels channels;
    private final InboxRepository inboxes;
    private final ContactPointRepository contactPoints;
    private final Binder settings;

    ReplyChannels(Channels channels, InboxRepository inboxes, ContactPointRepository contactPoints,
            Environment environment) {
        this.channels = channels;
        this.inboxes = inboxes;
        this.contactPoints = contactPoints;
        this.settings = Binder.get(environment);
    }

    /** Whether the hub answers on channel {@code key}. */
    boolean answers(String key) {
        return channels.answers(key);
    }

    /** The channels the hub answers on, for messages: "chat, email, sms". */
    String answeredKeys() {
        return String.join(", ", channels.answered().stream().map(ChannelType::key).toList());
    }

    /** The channel a reply takes when the agent does not choose one. */
    String defaultChannel(Conversation conversation, List<Interaction> history) {
        return history.stream().map(i -> i.getMetadata().get("replyBy")).filter(Objects::nonNull)
                .map(String::valueOf).filter(channels::answers).findFirst()
                .orElseGet(() -> channels.find(conversation.getChannel()).map(ChannelType::answeredOn)
                        .orElse(conversation.getChannel()));
    }

    /**
     * The channels an agent can answer this conversation on now (an inbox sends on it for this conversation and
     * the customer has an address there), the preferred one first.
     */
    List<String> choices(Conversation conversation, List<Interaction> history) {
        String preferred = defaultChannel(conversation, history);
        Stream<String> others = channels.answered().stream()
                .filter(type -> type.replies().orElseThrow().reachesFromOtherChannels())
                .map(ChannelType::key).filter(key -> !key.equals(preferred));
        return Stream.concat(Stream.of(preferred), others)
                .filter(channels::answers)
                .filter(c -> inboxFor(conversation, c).isPresent() && recipient(conversation, history, c).isPresent())
                .toList();
    }

    /**
     * Why the conversation cannot be answered at all, when no channel reaches the customer: the reason for its
     * preferred channel, with what to configure or to ask the customer for.
     */
    Optional<String> blocked(Conversation conversation, List<Interaction> history, List<String> choices) {
        if (!choices.isEmpty()) {
            return Optional.empty();
        }
        try {
            route(conversation, history, defaultChannel(conversation, history));
            return Optional.empty();
        } catch (ResponseStatusException refused) {
            return Optional.ofNullable(refused.getReason());
        }
    }

    /**
     * @param requested the channel the agent chose; none: the preferred channel if it reaches the customer now,
     *                  else the first one that does
     */
    Route route(Conversation conversation, List<Interaction> history, String requested) {
        String channel = requested == null || requested.isBlank()
                ? choices(conversation, history).stream().findFirst().orElseGet(() -> defaultChannel(conversation,
                        history))
                : requested;
        ReplyAddressing addressing = channels.addressing(channel).orElseThrow(() -> new ResponseStatusException(
                HttpStatus.BAD_REQUEST, "replies on the " + channel + " channel are not supported ("
                        + answeredKeys() + ")"));
        if (!addressing.reachesFromOtherChannels() && (!channel.equals(conversation.getChannel())
                || !channel.equals(defaultChannel(conversation, history)))) {
            throw conflict("only a conversation live on the " + channel + " channel can be answered there");
        }
        long inboxId = inboxFor(conversation, channel).orElseThrow(() -> conflict("the inbox of this conversation "
                + "has no " + addressing.senderSetting() + " configured to answer by " + channel + ": an administrator "
                + "sets omnihub.inboxes." + inboxes.findById(conversation.getInboxId()).orElseThrow().getKey() + "."
                + addressing.senderSetting() + " to the inbox that sends " + channel + " (docs/configuration.md)"));
        String recipient = recipient(conversation, history, channel).orElseThrow(() -> conflict(
                "the customer has no " + addressing.addressNoun() + " to reply to"));
        return new Route(channel, inboxId, recipient);
    }

    private Optional<Long> inboxFor(Conversation conversation, String channel) {
        Inbox own = inboxes.findById(conversation.getInboxId()).orElseThrow();
        ReplyAddressing addressing = channels.addressing(channel).orElseThrow();
        if (channel.equals(own.getChannel()) || !addressing.reachesFromOtherChannels()) {
            return Optional.of(own.getId());
        }
        String key = settings.bind("omnihub.inboxes." + own.getKey() + "." + addressing.senderSetting(), String.class)
                .orElse(null);
        return Optional.ofNullable(key).flatMap(inboxes::findByKey).map(Inbox::getId);
    }

    /**
     * The customer's latest address on that channel in this conversation (for a live session, its own latest
     * message there), else their contact point of the channel's kind that neither bounces nor opted out.
     */
    private Optional<String> recipient(Conversation conversation, List<Interaction> history, String channel) {
        ReplyAddressing addressing = channels.addressing(channel).orElseThrow();
        Optional<String> latest = history.stream().filter(i -> i.getDirection() == Direction.INBOUND)
                .filter(i -> addressing.contactPoint() == null ? channel.equals(i.getChannel())
                        : addressing.addresses(i.getSender()))
                .max(Comparator.comparing(Interaction::getOccurredAt)).map(Interaction::getSender);
        if (latest.isPresent() || addressing.contactPoint() == null) {
            return latest;
        }
        return contactPoints.findByCustomerIdOrderByIdAsc(conversation.getCustomerId()).stream()
                .filter(cp -> cp.getType() == addressing.contactPoint() && !cp.isBouncing()
                        && cp.getConsent() != Consent.OPTED_OUT)
                .map(ContactPoint::getValue).findFirst();
    }

    private static ResponseStatusException conflict(String reason) {
        return new ResponseStatusException(HttpStatus.CONFLICT, reason);
    }
}
