package io.omnihub.store.interaction;

public enum Direction {
    /** From the customer to us. */
    INBOUND,
    /** From us to the customer. */
    OUTBOUND
}
