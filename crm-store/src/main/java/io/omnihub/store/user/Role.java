package io.omnihub.store.user;

/** What a user may do. Roles do not imply each other; an admin is usually given all of them. */
public enum Role {
    /** Manages users, tokens, inboxes and integrations. */
    ADMIN,
    /** Oversees teams: sees every conversation, reassigns, reports. */
    SUPERVISOR,
    /** Works conversations in the console. */
    AGENT,
    /** A system account used by ERP/SCM and other integrations through the API. */
    INTEGRATION
}
