package io.omnihub.store.conversation;

public enum Priority {
    LOW,
    NORMAL,
    HIGH,
    URGENT
}
