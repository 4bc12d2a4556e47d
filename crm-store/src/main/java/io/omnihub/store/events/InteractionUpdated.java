package io.omnihub.store.events;

/**
 * Something was added to or learnt about a stored interaction after it was recorded: a fetched
 * file, a call's outcome, a recording, a transcription. {@code change} says what, for people.
 */
public record InteractionUpdated(Long interactionId, Long conversationId, Long customerId, String channel,
        String change) implements HubEvent {
}
