package io.omnihub.connectors.email;

import io.omnihub.connectors.bus.Address;
import io.omnihub.connectors.bus.AttachmentRef;
import io.omnihub.connectors.bus.BlobStore;
import io.omnihub.connectors.bus.FileNames;
import io.omnihub.connectors.bus.InboundInteraction;
import io.omnihub.connectors.bus.InteractionFlag;
import io.omnihub.connectors.bus.Sender;
import io.omnihub.connectors.bus.ThreadHints;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns one fetched mail into the interaction put on the bus: the original .eml and every
 * attachment stored first (the bus carries references), the text, HTML and thread hints, and the
 * flags that keep the hub from answering machines.
 */
public final class MailInteractions {

    public static final String CHANNEL = "email";
    /** The sender of a mail without a readable From: recorded, never matched to a real customer. */
    static final String UNKNOWN_SENDER = "unknown-sender@invalid";

    private final MailParser parser = new MailParser();
    private final BlobStore blobs;

    public MailInteractions(BlobStore blobs) {
        this.blobs = blobs;
    }

    public InboundInteraction toInteraction(String inbox, MailboxSettings mailbox, byte[] raw, Instant receivedAt) {
        ParsedMail mail = parser.parse(raw);
        String original = blobs.put(raw);
        List<AttachmentRef> attachments = new ArrayList<>();
        List<Map<String, Object>> omitted = new ArrayList<>();
        int position = 0;
        for (MailPart part : mail.parts()) {
            String fileName = FileNames.orDerived(part.fileName(), part.contentType(), part.contentId(), ++position);
            if (part.size() > mailbox.maxAttachmentSize().toBytes()) {
                omitted.add(Map.of("fileName", fileName, "contentType", part.contentType(),
                        "sizeBytes", part.size(), "reason", "larger than " + mailbox.maxAttachmentSize()
                                + "; kept in the original message"));
                continue;
            }
            attachments.add(new AttachmentRef(blobs.put(part.content()), fileName, part.contentType(),
                    part.size(), part.contentId()));
        }

        Set<InteractionFlag> flags = EnumSet.noneOf(InteractionFlag.class);
        flags.addAll(mail.flags());
        String fromAddress = mail.from() == null ? UNKNOWN_SENDER : mail.from().address();
        if (mailbox.isOwn(fromAddress)) {
            flags.add(InteractionFlag.AUTO_SUBMITTED);
        }

        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("original", Map.of("sha256", original, "sizeBytes", raw.length));
        if (mail.messageId() != null) {
            metadata.put("messageId", mail.messageId());
        }
        if (mail.threadIndex() != null) {
            metadata.put("threadIndex", mail.threadIndex().strip());
        }
        if (mail.newPart() != null && !mail.newPart().equals(mail.text())) {
            metadata.put("newPart", mail.newPart());
        }
        if (!mail.to().isEmpty()) {
            metadata.put("to", mail.to().stream().map(ParsedMail.MailAddress::address).toList());
        }
        if (!mail.bounceRecipients().isEmpty()) {
            metadata.put("bounceRecipients", mail.bounceRecipients());
        }
        if (!omitted.isEmpty()) {
            metadata.put("omittedAttachments", omitted);
        }
        if (mail.problem() != null) {
            metadata.put("parseProblem", mail.problem());
        }
        if (mail.date() != null) {
            metadata.put("sentAt", mail.date().toString());
        }

        return InboundInteraction.builder(CHANNEL, inbox, mail.externalId())
                .direction("INBOUND").kind("MESSAGE")
                .occurredAt(receivedAt)
                .from(new Sender(mail.from() == null ? null : mail.from().name(), List.of(Address.email(fromAddress))))
                .subject(mail.subject())
                .text(mail.text())
                .html(mail.html())
                .attachments(attachments)
                .thread(new ThreadHints(mail.inReplyTo(), mail.references(), mail.threadIndex(), null))
                .metadata(metadata)
                .flags(flags)
                .build();
    }
}
