package io.omnihub.connectors.email;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentDisposition;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Walks a mail's MIME tree and collects what a helpdesk keeps: the plain text and HTML bodies
 * (the first of each among alternatives), every file in document order (inline parts with their
 * Content-ID, forwarded messages whole, signatures) handed to a {@link PartSink} as a stream, and
 * the failed recipients of a delivery report. Unreadable parts are read as far as they go. Text
 * is kept up to {@link #MAX_TEXT_BYTES} per part (the whole mail stays in its original).
 */
final class MimeBody {

    private static final int MAX_DEPTH = 20;
    /** The most of one text or HTML part that is read into the interaction. */
    static final int MAX_TEXT_BYTES = 1024 * 1024;

    final StringBuilder text = new StringBuilder();
    final StringBuilder html = new StringBuilder();
    /** Recipients a delivery report says failed for good, with what it says of each. */
    final Map<String, String> failures = new LinkedHashMap<>();
    /** The Message-ID of a mail returned inside this one (a bounce's copy of what failed), or null. */
    String returnedMessageId;
    boolean deliveryReport;
    /** A text part was longer than what is kept of it. */
    boolean truncated;
    /** How many files went to the sink. */
    int files;

    private final PartSink sink;

    MimeBody(PartSink sink) {
        this.sink = sink;
    }

    void walk(Part part, int depth, boolean inRelated) throws MessagingException, IOException {
        String type = baseType(part);
        if (type.startsWith("multipart/") && depth < MAX_DEPTH) {
            Multipart multipart = multipart(part);
            if (multipart == null) {
                leaf(part, "text/plain", inRelated);
                return;
            }
            if (type.equals("multipart/report")) {
                deliveryReport = true;
            }
            if (type.equals("multipart/alternative")) {
                alternative(multipart, depth, inRelated);
                return;
            }
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                if (type.equals("multipart/signed") && i > 0) {
                    attach(child, false);
                } else {
                    walk(child, depth + 1, inRelated || type.equals("multipart/related"));
                }
            }
            return;
        }
        leaf(part, type, inRelated);
    }

    /** Of alternatives, the first plain text and the first HTML; other versions are dropped. */
    private void alternative(Multipart multipart, int depth, boolean inRelated)
            throws MessagingException, IOException {
        boolean hadText = false;
        boolean hadHtml = false;
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart child = multipart.getBodyPart(i);
            String type = baseType(child);
            if (type.equals("text/plain") && !hadText && !isAttachment(child)) {
                hadText = true;
                append(text, textOf(child));
            } else if (type.equals("text/html") && !hadHtml && !isAttachment(child)) {
                hadHtml = true;
                append(html, textOf(child));
            } else if (type.startsWith("multipart/")) {
                int before = html.length();
                walk(child, depth + 1, inRelated);
                hadHtml |= html.length() > before;
            } else if (!type.equals("text/plain") && !type.equals("text/html")) {
                // other versions a client offers (text/calendar, text/enriched) are kept as files
                attach(child, inRelated);
            }
        }
    }

    private void leaf(Part part, String type, boolean inRelated) throws MessagingException, IOException {
        if (type.equals("message/delivery-status") || type.equals("message/global-delivery-status")) {
            deliveryReport = true;
            DeliveryReport.failures(textOf(part)).forEach(failures::putIfAbsent);
            return;
        }
        if (type.equals("text/rfc822-headers") || type.equals("message/rfc822-headers")
                || type.equals("message/global-headers") || type.equals("message/rfc822")) {
            noteReturnedMessageId(part);
        }
        if ((type.equals("text/plain") || type.equals("text/html")) && !isAttachment(part)) {
            append(type.equals("text/plain") ? text : html, textOf(part));
            return;
        }
        attach(part, inRelated);
    }

    /** The first returned mail's Message-ID, read from its header block only (the part is still stored whole). */
    private void noteReturnedMessageId(Part part) {
        if (returnedMessageId != null) {
            return;
        }
        try (InputStream in = part.getInputStream()) {
            String[] ids = new jakarta.mail.internet.InternetHeaders(
                    new java.io.ByteArrayInputStream(in.readNBytes(64 * 1024))).getHeader("Message-ID");
            returnedMessageId = ids == null ? null : MessageIds.first(ids[0]);
        } catch (IOException | MessagingException | RuntimeException unreadable) {
            // a returned copy whose header cannot be read names no message
        }
    }

    private void attach(Part part, boolean inRelated) throws MessagingException, IOException {
        String contentId = MessageIds.first(header(part, "Content-ID"));
        String disposition = disposition(part);
        boolean inline = ("inline".equals(disposition) || (disposition == null && inRelated)) && contentId != null
                || (inRelated && contentId != null && !"attachment".equals(disposition));
        String name = fileName(part);
        String type = baseType(part);
        try (InputStream decoded = part.getInputStream()) {
            sink.part(name, type, inline, contentId, decoded);
        } catch (SinkFailure storeDown) {
            throw storeDown;
        } catch (IOException | RuntimeException e) {
            // undecodable transfer encoding: keep the bytes as they are
            try (InputStream raw = rawStream(part, e)) {
                sink.part(name, type, inline, contentId, raw);
            }
        }
        files++;
    }

    private static void append(StringBuilder to, String content) {
        if (content.isBlank()) {
            return;
        }
        if (!to.isEmpty()) {
            to.append("\n\n");
        }
        to.append(content);
    }

    private static Multipart multipart(Part part) {
        try {
            Object content = part.getContent();
            return content instanceof Multipart m ? m : null;
        } catch (MessagingException | IOException | RuntimeException e) {
            try {
                return new MimeMultipart(part.getDataHandler().getDataSource());
            } catch (MessagingException | RuntimeException again) {
                return null;
            }
        }
    }

    static String baseType(Part part) {
        try {
            String value = part.getContentType();
            if (value == null) {
                return "text/plain";
            }
            return new ContentType(value).getBaseType().toLowerCase(Locale.ROOT);
        } catch (MessagingException | RuntimeException e) {
            String value = header(part, "Content-Type");
            if (value != null) {
                String base = value.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
                if (base.matches("[a-z0-9.+-]+/[a-z0-9.+-]+")) {
                    return base;
                }
            }
            // an unreadable Content-Type is treated as plain text, as RFC 2045 says
            return "text/plain";
        }
    }

    private static String charset(Part part) {
        try {
            return new ContentType(part.getContentType()).getParameter("charset");
        } catch (MessagingException | RuntimeException e) {
            String value = header(part, "Content-Type");
            if (value != null) {
                var m = java.util.regex.Pattern.compile("(?i)charset\\s*=\\s*\"?([^\";\\s]+)").matcher(value);
                if (m.find()) {
                    return m.group(1);
                }
            }
            return null;
        }
    }

    private String textOf(Part part) throws MessagingException, IOException {
        byte[] bytes;
        try (InputStream in = part.getInputStream()) {
            bytes = atMost(in);
        } catch (IOException | RuntimeException e) {
            try (InputStream raw = rawStream(part, e)) {
                bytes = atMost(raw);
            }
        }
        return CharsetText.decode(bytes, charset(part));
    }

    private byte[] atMost(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_TEXT_BYTES + 1);
        if (bytes.length <= MAX_TEXT_BYTES) {
            return bytes;
        }
        truncated = true;
        // cut before a UTF-8 continuation byte, so the kept text does not end in half a character
        int end = MAX_TEXT_BYTES;
        while (end > 0 && (bytes[end] & 0xC0) == 0x80) {
            end--;
        }
        return java.util.Arrays.copyOf(bytes, end);
    }

    /** The part's bytes as they are in the mail, for when decoding them fails. */
    private static InputStream rawStream(Part part, Exception decodingFailure) throws MessagingException, IOException {
        if (part instanceof MimeMessage message) {
            return message.getRawInputStream();
        }
        if (part instanceof jakarta.mail.internet.MimeBodyPart body) {
            return body.getRawInputStream();
        }
        if (decodingFailure instanceof IOException io) {
            throw io;
        }
        throw (RuntimeException) decodingFailure;
    }

    private static boolean isAttachment(Part part) {
        return "attachment".equals(disposition(part)) || fileName(part) != null;
    }

    private static String disposition(Part part) {
        String value = header(part, "Content-Disposition");
        if (value == null) {
            return null;
        }
        try {
            return new ContentDisposition(value).getDisposition().toLowerCase(Locale.ROOT);
        } catch (MessagingException | RuntimeException e) {
            return value.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        }
    }

    /** The decoded file name without any path (a name like {@code ..\..\evil.exe} keeps only its last part). */
    static String fileName(Part part) {
        String name;
        try {
            name = part.getFileName();
        } catch (MessagingException | RuntimeException e) {
            name = null;
        }
        if (name == null) {
            return null;
        }
        name = EncodedWords.decode(name);
        String last = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1).strip();
        last = last.replaceAll("[\\x00-\\x1f\\x7f]", "");
        return last.isEmpty() || last.equals(".") || last.equals("..") ? null : last;
    }

    static String header(Part part, String name) {
        try {
            String[] values = part.getHeader(name);
            return values == null || values.length == 0 || values[0] == null ? null : values[0];
        } catch (MessagingException | RuntimeException e) {
            return null;
        }
    }
}
