package io.omnihub.routes.correlation;

/** What recording an inbound interaction did. */
public record RecordingOutcome(Result result, Long interactionId, Long conversationId, Long customerId) {

    public enum Result {
        /** Stored on the customer's timeline. */
        RECORDED,
        /** Already stored before: a redelivery or a resubmission, nothing changed. */
        DUPLICATE,
        /** Kept aside (spam), not put in any inbox. */
        QUARANTINED,
        /** A delivery report about a message we sent: its interaction's status was updated. */
        STATUS_UPDATED
    }

    static RecordingOutcome statusUpdated(Long interactionId) {
        return new RecordingOutcome(Result.STATUS_UPDATED, interactionId, null, null);
    }

    static RecordingOutcome duplicate() {
        return new RecordingOutcome(Result.DUPLICATE, null, null, null);
    }

    static RecordingOutcome quarantined() {
        return new RecordingOutcome(Result.QUARANTINED, null, null, null);
    }
}
