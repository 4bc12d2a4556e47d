package io.omnihub.store.mail;

/**
 * Where the import of one mailbox folder stands: every message with a UID up to {@code lastUid}
 * under this {@code uidValidity} is on the bus.
 */
public record MailCursor(long uidValidity, long lastUid) {
}
