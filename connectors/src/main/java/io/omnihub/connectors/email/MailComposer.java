package io.omnihub.connectors.email;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.springframework.web.util.HtmlUtils;

/**
 * Builds the MIME message of a reply: our Message-ID (kept, not replaced on sending), In-Reply-To
 * and References so every client threads it, and the text as plain text and as HTML.
 */
public final class MailComposer {

    /** References beyond this length are trimmed, keeping the first (the thread's root) and the latest ids. */
    static final int MAX_REFERENCES_LENGTH = 900;
    private static final Session SESSION = Session.getInstance(new Properties());

    /** Longer than this without a space, a subject cannot be folded into lines a server takes (998 octets). */
    private static final int LONGEST_WORD = 70;

    /**
     * A subject the header folding can break into lines: one with a word too long to fold (a pasted
     * URL, a reference number run on) is written as RFC 2047 encoded words, which fold anywhere and
     * read back as the same text. Otherwise the subject as it is (folded at its spaces).
     */
    static String foldable(String subject) {
        if (subject == null) {
            return null;
        }
        boolean longWord = java.util.Arrays.stream(subject.split("\\s+")).anyMatch(w -> w.length() > LONGEST_WORD);
        if (!longWord) {
            return subject;
        }
        // encoded words of at most 75 characters (45 bytes of text each, never splitting a character), one per line
        StringBuilder header = new StringBuilder();
        int start = 0;
        while (start < subject.length()) {
            int end = start;
            int bytes = 0;
            while (end < subject.length()) {
                int codePoint = subject.codePointAt(end);
                int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
                if (bytes + size > 45) {
                    break;
                }
                bytes += size;
                end += Character.charCount(codePoint);
            }
            header.append(header.isEmpty() ? "" : "\r\n ").append("=?UTF-8?B?").append(java.util.Base64.getEncoder()
                    .encodeToString(subject.substring(start, end).getBytes(StandardCharsets.UTF_8))).append("?=");
            start = end;
        }
        return header.toString();
    }

    public MimeMessage compose(ReplyMail reply) throws MessagingException {
        MimeMessage message = new MimeMessage(SESSION) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", "<" + reply.messageId() + ">");
            }
        };
        try {
            message.setFrom(new InternetAddress(reply.fromAddress(), reply.fromName(), StandardCharsets.UTF_8.name()));
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
        message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(reply.to()));
        String subject = foldable(reply.subject());
        if (subject != null && !subject.equals(reply.subject())) {
            message.setHeader("Subject", subject);
        } else {
            message.setSubject(reply.subject(), StandardCharsets.UTF_8.name());
        }
        message.setSentDate(new java.util.Date());
        if (reply.inReplyTo() != null) {
            message.setHeader("In-Reply-To", "<" + reply.inReplyTo() + ">");
        }
        List<String> references = trimmed(reply.references());
        if (!references.isEmpty()) {
            message.setHeader("References", String.join("\r\n ", references.stream().map(id -> "<" + id + ">")
                    .toList()));
        }
        if (reply.automatic()) {
            // RFC 3834: an automatic answer, which other responders must not answer in turn
            message.setHeader("Auto-Submitted", "auto-replied");
            message.setHeader("X-Auto-Response-Suppress", "All");
        }
        if (reply.threadIndex() != null) {
            message.setHeader("Thread-Index", reply.threadIndex());
        }
        MimeBodyPart plain = new MimeBodyPart();
        plain.setText(reply.text(), StandardCharsets.UTF_8.name());
        MimeBodyPart html = new MimeBodyPart();
        html.setContent("<!DOCTYPE html><html><body><div style=\"white-space:pre-wrap\">"
                + HtmlUtils.htmlEscape(reply.text()) + "</div></body></html>", "text/html; charset=UTF-8");
        MimeMultipart alternative = new MimeMultipart("alternative", plain, html);
        if (reply.files().isEmpty()) {
            message.setContent(alternative);
        } else {
            MimeBodyPart body = new MimeBodyPart();
            body.setContent(alternative);
            MimeMultipart mixed = new MimeMultipart("mixed", body);
            for (MailPart file : reply.files()) {
                MimeBodyPart attachment = new MimeBodyPart();
                attachment.setDataHandler(new jakarta.activation.DataHandler(
                        new jakarta.mail.util.ByteArrayDataSource(file.content(), file.contentType())));
                try {
                    attachment.setFileName(jakarta.mail.internet.MimeUtility.encodeText(
                            file.fileName() == null ? "attachment" : file.fileName(), "UTF-8", null));
                } catch (UnsupportedEncodingException e) {
                    throw new IllegalStateException(e);
                }
                attachment.setDisposition(jakarta.mail.Part.ATTACHMENT);
                mixed.addBodyPart(attachment);
            }
            message.setContent(mixed);
        }
        message.saveChanges();
        return message;
    }

    /** Oldest first; when too long, the root and as many of the latest ids as fit. */
    static List<String> trimmed(List<String> references) {
        int length = references.stream().mapToInt(r -> r.length() + 3).sum();
        if (length <= MAX_REFERENCES_LENGTH || references.size() <= 2) {
            return references;
        }
        List<String> latest = new ArrayList<>();
        int used = references.get(0).length() + 3;
        for (int i = references.size() - 1; i > 0; i--) {
            int size = references.get(i).length() + 3;
            if (used + size > MAX_REFERENCES_LENGTH) {
                break;
            }
            latest.add(0, references.get(i));
            used += size;
        }
        List<String> result = new ArrayList<>();
        result.add(references.get(0));
        result.addAll(latest);
        return result;
    }
}
