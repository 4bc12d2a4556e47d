package io.omnihub.connectors.email;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MailDateFormat;
import jakarta.mail.internet.MimeMessage;
import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The sender, recipients and date of a mail, read leniently from its headers. */
final class MailHeaders {

    private MailHeaders() {
    }

    static ParsedMail.MailAddress from(MimeMessage mail) {
        String value = MimeBody.header(mail, "From");
        if (value == null) {
            value = MimeBody.header(mail, "Sender");
        }
        if (value == null) {
            return null;
        }
        try {
            InternetAddress[] addresses = InternetAddress.parseHeader(value.replaceAll("\\r?\\n", ""), false);
            for (InternetAddress given : addresses) {
                // a group ("Partners: a@x, b@y;") is from its first member
                InternetAddress address = given.isGroup() && given.getGroup(false) != null
                        && given.getGroup(false).length > 0 ? given.getGroup(false)[0] : given;
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

    static List<ParsedMail.MailAddress> recipients(MimeMessage mail) {
        List<ParsedMail.MailAddress> result = new ArrayList<>();
        for (String name : new String[] {"To", "Cc"}) {
            String value = MimeBody.header(mail, name);
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

    static String firstRecipient(MimeMessage mail) {
        List<ParsedMail.MailAddress> to = recipients(mail);
        return to.isEmpty() ? null : to.get(0).address();
    }

    static Instant date(MimeMessage mail) {
        String value = MimeBody.header(mail, "Date");
        if (value == null) {
            return null;
        }
        try {
            return new MailDateFormat().parse(value.strip()).toInstant();
        } catch (ParseException | RuntimeException e) {
            return null;
        }
    }

    static boolean automatic(MimeMessage mail) {
        try {
            return LoopSignals.automaticBecause(mail) != null;
        } catch (MessagingException e) {
            return false;
        }
    }

    /** Whether the bytes carry at least one header every mail has; random data does not. */
    static boolean looksLikeMail(MimeMessage mail) {
        for (String name : new String[] {"From", "To", "Subject", "Date", "Message-ID", "Content-Type", "Received",
                "Return-Path", "MIME-Version"}) {
            if (MimeBody.header(mail, name) != null) {
                return true;
            }
        }
        return false;
    }
}
