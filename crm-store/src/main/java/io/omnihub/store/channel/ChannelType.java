package io.omnihub.store.channel;

import java.util.Optional;

/**
 * A channel the hub serves, as the channel's own slice describes it: the key stored with each of its
 * interactions, the name agents read, and whether and how its conversations are answered. Each slice
 * contributes its one as a Spring bean and {@link Channels} collects them, so nothing outside the slice
 * lists channels or branches on one: a new channel brings its type along.
 */
public interface ChannelType {

    /** As stored in {@code interaction.channel} and {@code conversation.channel}, e.g. {@code email}. */
    String key();

    /** What agents read, e.g. "Email" (the inbox's channel filter). */
    String label();

    /** Whether conversations begin on this channel, so that agents filter the inbox by it. */
    default boolean opensConversations() {
        return true;
    }

    /** How a reply on this channel reaches the customer; empty when the hub does not answer on it. */
    default Optional<ReplyAddressing> replies() {
        return Optional.empty();
    }

    /**
     * Whether the hub sends on this channel: the slice's sender takes {@code hub.outbound.<key>} (every channel
     * the hub answers on, and calls, which it places).
     */
    default boolean sends() {
        return replies().isPresent();
    }

    /**
     * The live session a conversation of this channel with this thread key is followed in (a chat widget open on
     * the visitor's page), if any: its lines are pushed there, and it cannot be merged into another conversation.
     */
    default Optional<String> liveSession(String threadKey) {
        return Optional.empty();
    }

    /**
     * The channel a conversation begun on this one is answered on when the agent chooses none: its own,
     * unless it cannot carry a written answer (a call is answered by SMS).
     */
    default String answeredOn() {
        return key();
    }
}
