package io.omnihub.connectors.email;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * A mailbox inbox, {@code omnihub.inboxes.<key>.email}.
 *
 * @param address           the inbox's own address: replies leave from it
 * @param aliases           further addresses of ours that deliver into this mailbox; mail from any
 *                          of our addresses is never answered automatically
 * @param imap              where mail is fetched from (optional: without it the mailbox only sends, e.g. the
 *                          replies of a web form or a chat)
 * @param smtp              where replies are sent through (optional: without it the mailbox only receives)
 * @param maxAttachmentSize larger files are not stored separately (they stay in the original .eml)
 * @param autoReply         an acknowledgement sent when a customer's mail opens a conversation (optional)
 * @param newConversationOnSubjectChange a reply whose subject has no word left in common with its
 *                          conversation's (after Re:/Fwd: prefixes and the token) opens a new
 *                          conversation, linked to the old one
 */
public record MailboxSettings(String address, @DefaultValue List<String> aliases, Imap imap, Smtp smtp,
        @DefaultValue("25MB") DataSize maxAttachmentSize, AutoReply autoReply,
        @DefaultValue("false") boolean newConversationOnSubjectChange) {

    public MailboxSettings {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }

    /** How the connection to the server is protected. */
    public enum Security { SSL, STARTTLS, NONE }

    /** What happens to a mail in the mailbox once it is durable on the bus. */
    public enum AfterImport { SEEN, MOVE }

    /**
     * @param host         IMAP server
     * @param port         default 993 with SSL, else 143
     * @param security     SSL (IMAPS), STARTTLS (required) or NONE (tests and local servers only)
     * @param username     login
     * @param password     take it from the environment: {@code ${MAILBOX_SUPPORT_PASSWORD}}
     * @param folder       the folder mail arrives in
     * @param pollInterval how long to wait between polls
     * @param afterImport  mark imported mail seen, or move it to {@code moveTo}
     * @param moveTo       folder imported mail is moved to (created if missing)
     */
    public record Imap(String host, Integer port, @DefaultValue("SSL") Security security, String username,
            String password, @DefaultValue("INBOX") String folder, @DefaultValue("30s") Duration pollInterval,
            @DefaultValue("SEEN") AfterImport afterImport, String moveTo) {

        public int effectivePort() {
            return port != null ? port : security == Security.SSL ? 993 : 143;
        }
    }

    /**
     * @param host       SMTP server (submission)
     * @param port       default 465 with SSL, 587 with STARTTLS, else 25
     * @param security   SSL, STARTTLS (required) or NONE (tests and local relays only)
     * @param username   login; none for an open local relay
     * @param password   take it from the environment
     * @param sentFolder IMAP folder a copy of each sent reply is appended to (optional)
     */
    public record Smtp(String host, Integer port, @DefaultValue("STARTTLS") Security security, String username,
            String password, String sentFolder) {

        public int effectivePort() {
            return port != null ? port : security == Security.SSL ? 465 : security == Security.STARTTLS ? 587 : 25;
        }
    }

    /**
     * An automatic acknowledgement (RFC 3834: it carries {@code Auto-Submitted: auto-replied}), never
     * sent to mail from machines, bounces or our own addresses.
     *
     * @param text        the message; {@code {id}} stands for the conversation number
     * @param perAddress  at most one acknowledgement to the same address within this time
     */
    public record AutoReply(String text, @DefaultValue("1h") Duration perAddress) {
    }

    /** The domain of the mailbox address, used on the right of our Message-IDs. */
    public String domain() {
        return address.substring(address.indexOf('@') + 1);
    }

    /** Whether the address is one of this mailbox's own. */
    public boolean isOwn(String candidate) {
        if (candidate == null) {
            return false;
        }
        String a = candidate.strip().toLowerCase(Locale.ROOT);
        return a.equalsIgnoreCase(address) || aliases.stream().anyMatch(a::equalsIgnoreCase);
    }

    /** Whether mail is fetched from it: it has IMAP settings (without, it only sends). */
    public boolean receives() {
        return imap != null;
    }

    /** Checks the settings, naming the property to fix. */
    public void check(String where) {
        if (address == null || !address.contains("@")) {
            throw new IllegalArgumentException(where + ".address: the mailbox's own e-mail address is required");
        }
        if (imap == null) {
            if (smtp == null || smtp.host() == null || smtp.host().isBlank()) {
                throw new IllegalArgumentException(where + ": a mailbox needs imap (to receive mail), smtp (to send "
                        + "replies), or both; give at least .imap.host or .smtp.host");
            }
            return;
        }
        if (imap.host() == null || imap.host().isBlank()) {
            throw new IllegalArgumentException(where + ".imap.host is required");
        }
        if (imap.username() == null || imap.password() == null) {
            throw new IllegalArgumentException(where + ".imap.username and .imap.password are required "
                    + "(take the password from the environment)");
        }
        if (imap.afterImport() == AfterImport.MOVE && (imap.moveTo() == null || imap.moveTo().isBlank())) {
            throw new IllegalArgumentException(where + ".imap.move-to is required with after-import: MOVE");
        }
        if (imap.pollInterval().isNegative() || imap.pollInterval().isZero()) {
            throw new IllegalArgumentException(where + ".imap.poll-interval must be positive");
        }
    }
}
