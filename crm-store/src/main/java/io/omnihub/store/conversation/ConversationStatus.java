package io.omnihub.store.conversation;

public enum ConversationStatus {
    /** Waiting for the contact center. */
    OPEN,
    /** Waiting for the customer or a third party. */
    PENDING,
    RESOLVED
}
