package io.omnihub.connectors.email;

import io.omnihub.connectors.bus.Address;
import io.omnihub.connectors.bus.AttachmentRef;
import io.omnihub.connectors.bus.BlobStore;
import io.omnihub.connectors.bus.FileNames;
import io.omnihub.connectors.bus.InboundInteraction;
import io.omnihub.connectors.bus.InteractionFlag;
import io.omnihub.connectors.bus.Sender;
import io.omnihub.connectors.bus.ThreadHints;
import java.io.IOException;
import java.io.InputStream;
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

    private final MailParser parser = new MailParser();
    private final BlobStore blobs;

    public MailInteractions(BlobStore blobs) {
        this.blobs = blobs;
    }

    public InboundInteraction toInteraction(String inbox, MailboxSettings mailbox, byte[] raw, Instant receivedAt)
            throws IOException {
        try (RawMail mail = RawMail.of(raw)) {
            return toInteraction(inbox, mailbox, mail, receivedAt);
        }
    }

    /**
     * Stores the original and every file of the mail as streams (a mail of any size costs bounded
     * memory), then builds the interaction that references them.
     *
     * @throws IOException when the blob store cannot take them: the mail is to be read again later
     */
    public InboundInteraction toInteraction(String inbox, MailboxSettings mailbox, RawMail raw, Instant receivedAt)
            throws IOException {
        String original;
        try (InputStream in = raw.open()) {
            original = blobs.put(in, Long.MAX_VALUE).sha256();
        }
        List<AttachmentRef> attachments = new ArrayList<>();
        List<Map<String, Object>> omitted = new ArrayList<>();
        long maxFile = mailbox.maxAttachmentSize().toBytes();
        ParsedMail mail;
        try (InputStream shared = raw.shared()) {
            mail = parser.parse(shared, raw.sha256(), (name, type, inline, contentId, content) -> {
                String fileName = FileNames.orDerived(name, type, contentId, attachments.size() + omitted.size() + 1);
                BlobStore.Stored stored;
                try {
                    stored = blobs.put(content, maxFile);
                } catch (RuntimeException storeDown) {
                    throw new SinkFailure("the file " + fileName + " cannot be stored: " + storeDown.getMessage(),
                            storeDown);
                }
                if (stored.tooLarge()) {
                    omitted.add(Map.of("fileName", fileName, "contentType", type, "sizeBytes", stored.sizeBytes(),
                            "reason", "larger than " + mailbox.maxAttachmentSize() + "; kept in the original message"));
                } else {
                    attachments.add(new AttachmentRef(stored.sha256(), fileName, type, stored.sizeBytes(), contentId));
                }
            });
        } catch (SinkFailure storeDown) {
            throw new IOException(storeDown.getMessage(), storeDown.getCause());
        }

        Set<InteractionFlag> flags = EnumSet.noneOf(InteractionFlag.class);
        flags.addAll(mail.flags());
        String fromAddress = mail.from() == null ? null : mail.from().address();
        if (fromAddress != null && mailbox.isOwn(fromAddress)) {
            flags.add(InteractionFlag.AUTO_SUBMITTED);
        }

        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("original", Map.of("sha256", original, "sizeBytes", raw.size()));
        // another mail may carry the same Message-ID (a broken client, a forger): told apart by what it says
        metadata.put(InboundInteraction.FINGERPRINT, fingerprint(fromAddress, mail, attachments));
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
            metadata.put("bounceReasons", mail.bounce().failures());
            if (mail.bounce().returnedMessageId() != null) {
                metadata.put("bouncedMessageId", mail.bounce().returnedMessageId());
            }
        }
        if (!omitted.isEmpty()) {
            metadata.put("omittedAttachments", omitted);
        }
        if (mail.problem() != null) {
            metadata.put("parseProblem", mail.problem());
        }
        if (mail.truncated()) {
            metadata.put("textTruncated", "a text part was longer than " + MimeBody.MAX_TEXT_BYTES / 1024
                    + " KB; the whole of it is in the original message");
        }
        if (mail.date() != null) {
            metadata.put("sentAt", mail.date().toString());
        }

        return InboundInteraction.builder(CHANNEL, inbox, mail.externalId())
                .direction("INBOUND").kind("MESSAGE")
                .occurredAt(receivedAt)
                // without a readable From the mail names no sender: it is held for an agent to attach
                .from(new Sender(mail.from() == null ? null : mail.from().name(),
                        fromAddress == null ? List.of() : List.of(Address.email(fromAddress))))
                .subject(mail.subject())
                .text(mail.text())
                .html(mail.html())
                .attachments(attachments)
                .thread(new ThreadHints(mail.inReplyTo(), mail.references(), mail.threadIndex(), null))
                .metadata(metadata)
                .flags(flags)
                .build();
    }

    /** What tells one mail from another with the same Message-ID: sender, subject, text and files. */
    private static String fingerprint(String from, ParsedMail mail, List<AttachmentRef> attachments) {
        StringBuilder what = new StringBuilder();
        what.append(from).append('\n').append(mail.subject()).append('\n').append(mail.text()).append('\n')
                .append(mail.html() == null ? "" : mail.html()).append('\n');
        attachments.stream().map(AttachmentRef::sha256).sorted().forEach(sha -> what.append(sha).append('\n'));
        return MailParser.sha256(what.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)).substring(0, 16);
    }
}
