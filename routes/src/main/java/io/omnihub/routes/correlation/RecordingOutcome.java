package io.omnihub.routes.correlation;

/** What recording an inbound interaction did. */
public record RecordingOutcome(Result result, Long interactionId, Long conversationId, Long customerId) {

    public enum Result {
        /** Stored on the customer's timeline. */
        RECORDED,
        /** Already stored before: a redelivery or a resubmission, nothing changed. */
        DUPLICATE,
        /** Kept aside (spam), not put in any inbox. */
        QUARANTINED
    }

    static RecordingOutcome duplicate() {
        return new RecordingOutcome(Result.DUPLICATE, null, null, null);
    }

    static RecordingOutcome quarantined() {
        return new RecordingOutcome(Result.QUARANTINED, null, null, null);
    }
}
