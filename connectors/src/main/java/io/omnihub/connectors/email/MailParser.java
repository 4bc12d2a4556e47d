package io.omnihub.connectors.email;

import io.omnihub.connectors.bus.InteractionFlag;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
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

    /** Parses one mail; never throws. */
    public ParsedMail parse(byte[] raw) {
        String hash = "sha256:" + sha256(raw);
        MimeMessage mail;
        try {
            mail = new MimeMessage(SESSION, new ByteArrayInputStream(raw));
        } catch (MessagingException | RuntimeException e) {
            String text = CharsetText.decode(raw, "UTF-8");
            return new ParsedMail(null, hash, null, List.of(), null, null, text, null, text, List.of(),
                    EnumSet.of(InteractionFlag.UNPARSEABLE), List.of(), null, List.of(), null,
                    "cannot read the message: " + e.getMessage());
        }
        MimeBody body = new MimeBody();
        String problem = null;
        try {
            body.walk(mail, 0, false);
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
        if (text.isEmpty() && html == null && body.parts.isEmpty() && problem != null) {
            text = fallbackText(raw);
        }

        Set<InteractionFlag> flags = EnumSet.noneOf(InteractionFlag.class);
        List<String> bounced = new ArrayList<>(body.failedRecipients);
        boolean report = body.deliveryReport;
        if (!report && from != null && DeliveryReport.looksLikeTextBounce(from.address(), subject)) {
            String failedHeader = MimeBody.header(mail, "X-Failed-Recipients");
            bounced.addAll(failedHeader != null ? DeliveryReport.addressesIn(failedHeader, null)
                    : DeliveryReport.textBounceRecipients(text, MailHeaders.firstRecipient(mail)));
            report = true;
        }
        if (report && !bounced.isEmpty()) {
            flags.add(InteractionFlag.BOUNCE);
        }
        if (report || MailHeaders.automatic(mail)) {
            flags.add(InteractionFlag.AUTO_SUBMITTED);
        }
        boolean nothingRead = text.isBlank() && html == null && body.parts.isEmpty() && problem != null;
        if (!MailHeaders.looksLikeMail(mail) || nothingRead) {
            flags.add(InteractionFlag.UNPARSEABLE);
        }
        return new ParsedMail(messageId, messageId != null ? messageId : hash, from, MailHeaders.recipients(mail),
                subject, MailHeaders.date(mail), text, html, ReplyText.newPart(text), List.copyOf(body.parts), flags,
                List.copyOf(bounced), MessageIds.first(MimeBody.header(mail, "In-Reply-To")),
                MessageIds.all(MimeBody.header(mail, "References")), MimeBody.header(mail, "Thread-Index"), problem);
    }

    private static String fallbackText(byte[] raw) {
        String all = CharsetText.decode(raw, "UTF-8").replace("\r\n", "\n");
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
