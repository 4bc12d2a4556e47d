package io.omnihub.connectors.email;

import io.omnihub.connectors.bus.InteractionFlag;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.SharedInputStream;
import jakarta.mail.util.SharedByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Reads a raw mail into what the hub keeps of it, as leniently as real mail demands: broken MIME,
 * wrong charsets, undecodable headers and missing ids are read as far as they go, never thrown.
 * A mail nothing sensible can be read from is flagged UNPARSEABLE; its raw bytes are kept by the
 * caller either way.
 */
public final class MailParser {

    private static final Session SESSION = Session.getInstance(lenientProperties());

    private static Properties lenientProperties() {
        Properties p = new Properties();
        p.setProperty("mail.mime.allowutf8", "true");
        p.setProperty("mail.mime.address.strict", "false");
        p.setProperty("mail.mime.decodefilename", "true");
        p.setProperty("mail.mime.decodeparameters", "true");
        p.setProperty("mail.mime.parameters.strict", "false");
        p.setProperty("mail.mime.multipart.ignoremissingendboundary", "true");
        p.setProperty("mail.mime.multipart.ignoremissingboundaryparameter", "true");
        p.setProperty("mail.mime.multipart.ignoreexistingboundaryparameter", "false");
        p.setProperty("mail.mime.multipart.allowempty", "true");
        p.setProperty("mail.mime.base64.ignoreerrors", "true");
        p.setProperty("mail.mime.uudecode.ignoreerrors", "true");
        p.setProperty("mail.mime.ignoreunknownencoding", "true");
        p.setProperty("mail.mime.contenttypehandler", "");
        return p;
    }

    /** Parses one mail held in memory, its files with it; never throws. */
    public ParsedMail parse(byte[] raw) {
        List<MailPart> parts = new ArrayList<>();
        ParsedMail mail = parse(new SharedByteArrayInputStream(raw), sha256(raw), (name, type, inline, id, content) ->
                parts.add(new MailPart(name, type, content.readAllBytes(), inline, id)));
        return new ParsedMail(mail.messageId(), mail.externalId(), mail.from(), mail.to(), mail.subject(), mail.date(),
                mail.text(), mail.html(), mail.newPart(), List.copyOf(parts), mail.flags(), mail.bounce(),
                mail.inReplyTo(), mail.references(), mail.threadIndex(), mail.problem(), mail.truncated());
    }

    /**
     * Parses one mail of any size read from a shared stream (a file, say), handing each of its
     * files to the sink as a stream; the returned mail lists no parts. Throws only when the sink
     * cannot take a file ({@link SinkFailure}): then the mail must be read again later.
     *
     * @param raw       the whole message; a {@link jakarta.mail.internet.SharedInputStream} lets the
     *                  parser keep references into it instead of copies
     * @param rawSha256 the SHA-256 of the whole message, its id when it has no Message-ID
     */
    ParsedMail parse(InputStream raw, String rawSha256, PartSink sink) {
        String hash = "sha256:" + rawSha256;
        MimeMessage mail;
        try {
            mail = new MimeMessage(SESSION, raw);
        } catch (MessagingException | RuntimeException e) {
            String text = fallbackText(raw, false);
            return new ParsedMail(null, hash, null, List.of(), null, null, text, null, text, List.of(),
                    EnumSet.of(InteractionFlag.UNPARSEABLE), ParsedMail.Bounce.NONE, null, List.of(), null,
                    "cannot read the message: " + e.getMessage(), false);
        }
        MimeBody body = new MimeBody(sink);
        String problem = null;
        try {
            body.walk(mail, 0, false);
        } catch (SinkFailure storeDown) {
            throw storeDown;
        } catch (MessagingException | IOException | RuntimeException e) {
            problem = "part of the body cannot be read: " + e.getMessage();
        }
        String messageId = MessageIds.first(MimeBody.header(mail, "Message-ID"));
        ParsedMail.MailAddress from = MailHeaders.from(mail);
        String subject = EncodedWords.decode(MimeBody.header(mail, "Subject"));
        String html = body.html.isEmpty() ? null : body.html.toString();
        String text = body.text.toString().strip();
        if (text.isEmpty() && html != null) {
            text = HtmlText.of(html);
        }
        if (text.isEmpty() && html == null && body.files == 0 && problem != null) {
            text = fallbackText(raw, true);
        }

        Set<InteractionFlag> flags = EnumSet.noneOf(InteractionFlag.class);
        Map<String, String> bounced = new LinkedHashMap<>(body.failures);
        boolean report = body.deliveryReport;
        if (!report && from != null && DeliveryReport.looksLikeTextBounce(from.address(), subject)) {
            String failedHeader = MimeBody.header(mail, "X-Failed-Recipients");
            String reason = DeliveryReport.textBounceReason(text);
            (failedHeader != null ? DeliveryReport.addressesIn(failedHeader, null)
                    : DeliveryReport.textBounceRecipients(text, MailHeaders.firstRecipient(mail)))
                    .forEach(address -> bounced.putIfAbsent(address, reason));
            report = true;
        }
        String returned = body.returnedMessageId != null ? body.returnedMessageId
                : DeliveryReport.quotedMessageId(text);
        if (report && !bounced.isEmpty()) {
            flags.add(InteractionFlag.BOUNCE);
        }
        if (report || MailHeaders.automatic(mail)) {
            flags.add(InteractionFlag.AUTO_SUBMITTED);
        }
        boolean nothingRead = text.isBlank() && html == null && body.files == 0 && problem != null;
        if (!MailHeaders.looksLikeMail(mail) || nothingRead) {
            flags.add(InteractionFlag.UNPARSEABLE);
        }
        return new ParsedMail(messageId, messageId != null ? messageId : hash, from, MailHeaders.recipients(mail),
                subject, MailHeaders.date(mail), text, html, ReplyText.newPart(text), List.of(), flags,
                bounced.isEmpty() ? ParsedMail.Bounce.NONE : new ParsedMail.Bounce(bounced, returned),
                MessageIds.first(MimeBody.header(mail, "In-Reply-To")),
                MessageIds.all(MimeBody.header(mail, "References")), MimeBody.header(mail, "Thread-Index"), problem,
                body.truncated);
    }

    /** What can be read of a broken mail as text: its start, after the header block when there is one. */
    private static String fallbackText(InputStream raw, boolean afterHeaders) {
        byte[] start;
        try {
            if (raw instanceof SharedInputStream shared) {
                raw = shared.newStream(0, -1);
            }
            start = raw.readNBytes(MimeBody.MAX_TEXT_BYTES);
        } catch (IOException | RuntimeException e) {
            return "";
        }
        String all = CharsetText.decode(start, "UTF-8").replace("\r\n", "\n");
        if (!afterHeaders) {
            return all.strip();
        }
        int body = all.indexOf("\n\n");
        return (body < 0 ? "" : all.substring(body + 2)).strip();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
