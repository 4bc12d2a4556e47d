package io.omnihub.store.held;

/** Where a held item stands. */
public enum HeldItemStatus {
    /** Waiting for an agent: open it, retry it, attach it to a customer or discard it. */
    HELD,
    /** Sent back to its queue by an agent; it becomes RECORDED, or HELD again if it fails once more. */
    RETRYING,
    /** On a customer's timeline now. */
    RECORDED,
    /** An agent decided it needs nothing more (audited, kept for the record). */
    DISCARDED
}
