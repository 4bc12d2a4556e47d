package io.omnihub.connectors.email;

import io.omnihub.connectors.bus.InteractionFlag;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentDisposition;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MailDateFormat;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
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
    private static final int MAX_DEPTH = 20;

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
        Body body = new Body();
        String problem = null;
        try {
            body.walk(mail, 0, false);
        } catch (MessagingException | IOException | RuntimeException e) {
            problem = "part of the body cannot be read: " + e.getMessage();
        }
        String messageId = header(mail, "Message-ID") == null ? null : MessageIds.first(header(mail, "Message-ID"));
        ParsedMail.MailAddress from = from(mail);
        String subject = EncodedWords.decode(header(mail, "Subject"));
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
            String failedHeader = header(mail, "X-Failed-Recipients");
            bounced.addAll(failedHeader != null ? DeliveryReport.addressesIn(failedHeader, null)
                    : DeliveryReport.textBounceRecipients(text, firstRecipient(mail)));
            report = true;
        }
        if (report && !bounced.isEmpty()) {
            flags.add(InteractionFlag.BOUNCE);
        }
        if (report || automatic(mail)) {
            flags.add(InteractionFlag.AUTO_SUBMITTED);
        }
        if (!looksLikeMail(mail) || (text.isBlank() && html == null && body.parts.isEmpty() && problem != null)) {
            flags.add(InteractionFlag.UNPARSEABLE);
        }
        return new ParsedMail(messageId, messageId != null ? messageId : hash, from, recipients(mail), subject,
                date(mail), text, html, ReplyText.newPart(text), List.copyOf(body.parts), flags, List.copyOf(bounced),
                MessageIds.first(header(mail, "In-Reply-To")), MessageIds.all(header(mail, "References")),
                header(mail, "Thread-Index"), problem);
    }

    /** The text and HTML bodies and the files of one mail, collected walking its MIME tree. */
    private static final class Body {
        final StringBuilder text = new StringBuilder();
        final StringBuilder html = new StringBuilder();
        final List<MailPart> parts = new ArrayList<>();
        final List<String> failedRecipients = new ArrayList<>();
        boolean deliveryReport;

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
                failedRecipients.addAll(DeliveryReport.failedRecipients(textOf(part)));
                return;
            }
            if ((type.equals("text/plain") || type.equals("text/html")) && !isAttachment(part)) {
                append(type.equals("text/plain") ? text : html, textOf(part));
                return;
            }
            attach(part, inRelated);
        }

        private void attach(Part part, boolean inRelated) throws MessagingException, IOException {
            String contentId = MessageIds.first(header(part, "Content-ID"));
            String disposition = disposition(part);
            boolean inline = ("inline".equals(disposition) || (disposition == null && inRelated)) && contentId != null
                    || (inRelated && contentId != null && !"attachment".equals(disposition));
            parts.add(new MailPart(fileName(part), baseType(part), bytes(part), inline, contentId));
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
            String value = headerQuietly(part, "Content-Type");
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
            String value = headerQuietly(part, "Content-Type");
            if (value != null) {
                var m = java.util.regex.Pattern.compile("(?i)charset\\s*=\\s*\"?([^\";\\s]+)").matcher(value);
                if (m.find()) {
                    return m.group(1);
                }
            }
            return null;
        }
    }

    private static String textOf(Part part) throws MessagingException, IOException {
        return CharsetText.decode(bytes(part), charset(part));
    }

    private static byte[] bytes(Part part) throws MessagingException, IOException {
        try (InputStream in = part.getInputStream()) {
            return in.readAllBytes();
        } catch (IOException | RuntimeException e) {
            // undecodable transfer encoding: keep the bytes as they are
            if (part instanceof jakarta.mail.internet.MimePart mime) {
                try (InputStream raw = mime instanceof MimeMessage m ? m.getRawInputStream()
                        : ((jakarta.mail.internet.MimeBodyPart) mime).getRawInputStream()) {
                    return raw.readAllBytes();
                }
            }
            throw e;
        }
    }

    private static boolean isAttachment(Part part) {
        return "attachment".equals(disposition(part)) || fileName(part) != null;
    }

    private static String disposition(Part part) {
        String value = headerQuietly(part, "Content-Disposition");
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

    private static ParsedMail.MailAddress from(MimeMessage mail) {
        String value = header(mail, "From");
        if (value == null) {
            value = header(mail, "Sender");
        }
        if (value == null) {
            return null;
        }
        try {
            InternetAddress[] addresses = InternetAddress.parseHeader(value.replaceAll("\\r?\\n", ""), false);
            for (InternetAddress address : addresses) {
                if (address.getAddress() != null && address.getAddress().contains("@")) {
                    String name = address.getPersonal();
                    name = name == null || name.isBlank() ? null : EncodedWords.decode(name);
                    return new ParsedMail.MailAddress(address.getAddress().strip().toLowerCase(Locale.ROOT), name);
                }
            }
        } catch (jakarta.mail.internet.AddressException | RuntimeException e) {
            // fall through to the plain search
        }
        List<String> found = DeliveryReport.addressesIn(value, null);
        return found.isEmpty() ? null : new ParsedMail.MailAddress(found.get(0), null);
    }

    private static List<ParsedMail.MailAddress> recipients(MimeMessage mail) {
        List<ParsedMail.MailAddress> result = new ArrayList<>();
        for (String name : new String[] {"To", "Cc"}) {
            String value = header(mail, name);
            if (value == null) {
                continue;
            }
            try {
                for (InternetAddress a : InternetAddress.parseHeader(value.replaceAll("\\r?\\n", ""), false)) {
                    if (a.getAddress() != null && a.getAddress().contains("@")) {
                        result.add(new ParsedMail.MailAddress(a.getAddress().strip().toLowerCase(Locale.ROOT),
                                a.getPersonal()));
                    }
                }
            } catch (jakarta.mail.internet.AddressException | RuntimeException e) {
                DeliveryReport.addressesIn(value, null).forEach(a -> result.add(new ParsedMail.MailAddress(a, null)));
            }
        }
        return result;
    }

    private static String firstRecipient(MimeMessage mail) {
        List<ParsedMail.MailAddress> to = recipients(mail);
        return to.isEmpty() ? null : to.get(0).address();
    }

    private static Instant date(MimeMessage mail) {
        String value = header(mail, "Date");
        if (value == null) {
            return null;
        }
        try {
            return new MailDateFormat().parse(value.strip()).toInstant();
        } catch (ParseException | RuntimeException e) {
            return null;
        }
    }

    private static boolean automatic(MimeMessage mail) {
        try {
            return LoopSignals.automaticBecause(mail) != null;
        } catch (MessagingException e) {
            return false;
        }
    }

    static String header(Part part, String name) {
        return headerQuietly(part, name);
    }

    private static String headerQuietly(Part part, String name) {
        try {
            String[] values = part.getHeader(name);
            return values == null || values.length == 0 || values[0] == null ? null : values[0];
        } catch (MessagingException | RuntimeException e) {
            return null;
        }
    }

    /** Whether the bytes carry at least one header every mail has; random data does not. */
    private static boolean looksLikeMail(MimeMessage mail) {
        for (String name : new String[] {"From", "To", "Subject", "Date", "Message-ID", "Content-Type", "Received",
                "Return-Path", "MIME-Version"}) {
            if (header(mail, name) != null) {
                return true;
            }
        }
        return false;
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
