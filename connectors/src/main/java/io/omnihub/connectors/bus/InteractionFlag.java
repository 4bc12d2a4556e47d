package io.omnihub.connectors.bus;

/** Marks a channel sets on an interaction for the hub and for agents. */
public enum InteractionFlag {
    /** Caught by a spam trap (a filled honeypot field): kept out of the inbox. */
    SPAM,
    /** Sent by a machine (auto-reply, list mail): never auto-answered. */
    AUTO_SUBMITTED,
    /** Could not be parsed; stored raw for an agent to look at. */
    UNPARSEABLE,
    /** A delivery report saying a message of ours could not be delivered. */
    BOUNCE,
    /** Held NUL characters (0x00), which the database cannot keep: they were removed, nothing else changed. */
    NUL_REMOVED,
    /**
     * Carried the id of an interaction already recorded but said something else (a client that
     * reuses Message-IDs, or a forger): recorded on its own, under the id and its fingerprint.
     */
    ID_REUSED,
    /**
     * Claimed a conversation of another customer (quoted a Message-ID of ours, a subject token, a
     * thread key) though its sender is not part of it: it opened a conversation of its own instead,
     * with the claimed one named in {@code metadata.claimedConversation}.
     */
    CLAIMED_OTHER_THREAD
}
