package io.omnihub.connectors.email;

import java.util.Map;
import java.util.Optional;

/** The mailbox inboxes the hub serves, as the email channel sees them. */
public interface MailInboxes {

    /** The mailbox of inbox {@code key}, when that is an email inbox. */
    Optional<MailboxSettings> mailbox(String key);

    /** Every email inbox by key, in configuration order. */
    Map<String, MailboxSettings> mailboxes();
}
