package io.omnihub.connectors.email;

import io.omnihub.connectors.bus.InteractionFlag;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What the hub keeps of one mail, read leniently: every field is filled as far as the mail allows.
 *
 * @param messageId        the Message-ID without brackets, or null when the mail has none
 * @param externalId       the Message-ID, or a stable {@code sha256:} hash of the raw mail without one
 * @param from             the sender, or null when no address can be read
 * @param to               To and Cc addresses
 * @param subject          decoded subject, or null
 * @param date             the Date header, or null when missing or unreadable
 * @param text             the plain text (from the HTML when there is no text part)
 * @param html             the HTML exactly as sent (sanitized later, before anyone sees it), or null
 * @param newPart          the text written for this mail, without the quoted history of a reply
 * @param parts            attachments and inline parts, in document order
 * @param flags            AUTO_SUBMITTED, BOUNCE, UNPARSEABLE
 * @param bounce           what a delivery report says failed permanently, or {@link Bounce#NONE}
 * @param inReplyTo        In-Reply-To id, or null
 * @param references       References ids, oldest first
 * @param threadIndex      Outlook's Thread-Index (base64), or null
 * @param problem          why parsing was incomplete, or null
 * @param truncated        a text or HTML part was longer than what is kept of it (the original has it all)
 */
public record ParsedMail(String messageId, String externalId, MailAddress from, List<MailAddress> to, String subject,
        Instant date, String text, String html, String newPart, List<MailPart> parts, Set<InteractionFlag> flags,
        Bounce bounce, String inReplyTo, List<String> references, String threadIndex,
        String problem, boolean truncated) {

    /** An address and its decoded display name (null when none). */
    public record MailAddress(String address, String name) {
    }

    /**
     * What a delivery report says: the recipients that failed for good, each with the report's words
     * for it, and the Message-ID of the returned mail (the one that failed) when it came back with it.
     */
    public record Bounce(java.util.Map<String, String> failures, String returnedMessageId) {

        public static final Bounce NONE = new Bounce(java.util.Map.of(), null);

        public Bounce {
            failures = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(failures));
        }
    }

    /** The addresses a delivery report says failed permanently, in the report's order. */
    public List<String> bounceRecipients() {
        return List.copyOf(bounce.failures().keySet());
    }

    public boolean flagged(InteractionFlag flag) {
        return flags.contains(flag);
    }
}
