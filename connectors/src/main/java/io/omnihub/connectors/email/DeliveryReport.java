package io.omnihub.connectors.email;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads delivery-status reports (RFC 3464, {@code message/delivery-status}) and the bounces of
 * servers that send plain text instead, to learn which recipients failed for good. A delayed
 * delivery is not a failure.
 */
final class DeliveryReport {

    private static final Pattern FIELD = Pattern.compile("(?im)^([A-Za-z-]+):[ \\t]*(.*)$");
    private static final Pattern BOUNCE_SENDER = Pattern.compile("(?i)^(mailer-daemon|postmaster)@");
    private static final Pattern BOUNCE_SUBJECT = Pattern.compile("(?i)(undeliver|delivery (status notification )?"
            + "\\(?fail|mail delivery (failed|failure|subsystem)|returned mail|delivery has failed|"
            + "non[- ]?delivery|could not be delivered|unzustellbar|failure notice)");
    // where a text bounce starts quoting the message that failed: addresses after it are not failures
    private static final Pattern COPY_OF_ORIGINAL = Pattern.compile("(?im)^.{0,10}(below this line is a copy|"
            + "this is a copy of the message|original message follows|-+ ?original message ?-+|"
            + "the original message was|message headers follow|included is the original)");
    private static final Pattern BRACKETED_ADDRESS = Pattern.compile("<(" + "[A-Za-z0-9._%+'=-]+@[A-Za-z0-9.-]+"
            + "\\.[A-Za-z]{2,})>");
    private static final Pattern DELAYED = Pattern.compile("(?i)(delayed|delay|will retry|warning: message)");

    private DeliveryReport() {
    }

    /**
     * Recipients that failed permanently according to a {@code message/delivery-status} body, in
     * order, each with what the report says of it: its status code and the receiving server's answer
     * ({@code 5.1.1 (smtp; 550 5.1.1 <x@example.com>: user unknown)}), or "" when it says nothing.
     */
    static Map<String, String> failures(String deliveryStatus) {
        Map<String, String> failed = new LinkedHashMap<>();
        // per-recipient blocks are separated by blank lines; the first block is per-message
        // a folded field (Diagnostic-Code over two lines) is read as one line
        String unfolded = deliveryStatus.replace("\r\n", "\n").replaceAll("\n[ \t]+(?=\\S)", " ");
        for (String block : unfolded.split("\n\\s*\n")) {
            String recipient = null;
            String action = null;
            String status = null;
            String diagnostic = null;
            Matcher m = FIELD.matcher(block);
            while (m.find()) {
                String name = m.group(1).toLowerCase(Locale.ROOT);
                String value = m.group(2).strip();
                switch (name) {
                    // the address we sent to, rather than where the receiving side's aliases led it
                    case "final-recipient", "original-recipient" -> {
                        if (recipient == null || name.equals("original-recipient")) {
                            recipient = address(value);
                        }
                    }
                    case "action" -> action = value.toLowerCase(Locale.ROOT);
                    case "status" -> status = value;
                    case "diagnostic-code" -> diagnostic = value;
                    default -> { }
                }
            }
            boolean permanent = "failed".equals(action) || (action == null && status != null && status.startsWith("5"));
            if (recipient != null && permanent && !failed.containsKey(recipient)) {
                String said = ((status == null ? "" : status) + (diagnostic == null ? "" : " (" + diagnostic + ")"))
                        .strip();
                failed.put(recipient, said.length() > 300 ? said.substring(0, 300) + "…" : said);
            }
        }
        return failed;
    }

    /**
     * A bounce without a machine-readable report: sent by a mailer daemon with a failure subject.
     * Its failed recipients come from {@code X-Failed-Recipients} or the addresses in its text.
     */
    static boolean looksLikeTextBounce(String from, String subject) {
        return from != null && BOUNCE_SENDER.matcher(from).find() && subject != null
                && BOUNCE_SUBJECT.matcher(subject).find() && !DELAYED.matcher(subject).find();
    }

    private static final Pattern SMTP_REFUSAL = Pattern.compile("(?m)\\b([45]\\d\\d[ -][45]\\.\\d{1,3}\\.\\d{1,3}\\b.*)$");
    private static final Pattern QUOTED_MESSAGE_ID = Pattern.compile("(?im)^Message-ID:[ \\t]*(<[^>\\r\\n]{1,998}>)");

    /** What a text bounce quotes of the receiving server's refusal (its first SMTP reply with a status code), or "". */
    static String textBounceReason(String text) {
        if (text == null) {
            return "";
        }
        Matcher copy = COPY_OF_ORIGINAL.matcher(text);
        Matcher refusal = SMTP_REFUSAL.matcher(copy.find() ? text.substring(0, copy.start()) : text);
        if (!refusal.find()) {
            return "";
        }
        String said = refusal.group(1).strip();
        return said.length() > 300 ? said.substring(0, 300) + "…" : said;
    }

    /** The Message-ID of the mail a text bounce quotes after its "copy of the message" line, or null. */
    static String quotedMessageId(String text) {
        if (text == null) {
            return null;
        }
        Matcher copy = COPY_OF_ORIGINAL.matcher(text);
        if (!copy.find()) {
            return null;
        }
        Matcher id = QUOTED_MESSAGE_ID.matcher(text).region(copy.end(), text.length());
        return id.find() ? MessageIds.first(id.group(1)) : null;
    }

    /** The failed recipients a text bounce names before it quotes the original message. */
    static List<String> textBounceRecipients(String text, String exclude) {
        if (text == null) {
            return List.of();
        }
        Matcher copy = COPY_OF_ORIGINAL.matcher(text);
        String report = copy.find() ? text.substring(0, copy.start()) : text;
        List<String> bracketed = new ArrayList<>();
        Matcher m = BRACKETED_ADDRESS.matcher(report);
        while (m.find()) {
            String address = m.group(1).toLowerCase(Locale.ROOT);
            if (!address.equals(exclude) && !BOUNCE_SENDER.matcher(address).find() && !bracketed.contains(address)) {
                bracketed.add(address);
            }
        }
        return bracketed.isEmpty() ? addressesIn(report, exclude) : bracketed;
    }

    /**
     * The mail addresses in a text, in order, each once: found from each {@code @} outwards, so a
     * long text without one (a 60 KB From header, say) is read in linear time, never by a regular
     * expression tried from every position.
     */
    static List<String> addressesIn(String text, String exclude) {
        List<String> found = new ArrayList<>();
        if (text == null) {
            return found;
        }
        for (int at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
            String address = addressAround(text, at);
            if (address != null && !address.equals(exclude) && !BOUNCE_SENDER.matcher(address).find()
                    && !found.contains(address)) {
                found.add(address);
            }
        }
        return found;
    }

    private static final int MAX_LOCAL = 64;
    private static final int MAX_DOMAIN = 255;

    /** The address whose {@code @} is at {@code at}: local part before it, a domain ending in a 2+ letter label after. */
    private static String addressAround(String text, int at) {
        int start = at;
        while (start > 0 && at - start < MAX_LOCAL && isLocal(text.charAt(start - 1))) {
            start--;
        }
        int end = at + 1;
        while (end < text.length() && end - at <= MAX_DOMAIN && isDomain(text.charAt(end))) {
            end++;
        }
        if (start == at || end == at + 1) {
            return null;
        }
        String domain = text.substring(at + 1, end);
        // the longest start of the domain that ends in ".<two or more letters>"
        for (int dot = domain.lastIndexOf('.'); dot > 0; dot = domain.lastIndexOf('.', dot - 1)) {
            int letters = 0;
            while (dot + 1 + letters < domain.length() && Character.isLetter(domain.charAt(dot + 1 + letters))
                    && domain.charAt(dot + 1 + letters) < 128) {
                letters++;
            }
            if (letters >= 2) {
                return (text.substring(start, at) + "@" + domain.substring(0, dot + 1 + letters))
                        .toLowerCase(Locale.ROOT);
            }
        }
        return null;
    }

    private static boolean isLocal(char c) {
        return c < 128 && (Character.isLetterOrDigit(c) || "._%+'=-".indexOf(c) >= 0);
    }

    private static boolean isDomain(char c) {
        return c < 128 && (Character.isLetterOrDigit(c) || c == '.' || c == '-');
    }

    private static String address(String field) {
        // "rfc822; someone@example.org" or just the address
        String value = field.contains(";") ? field.substring(field.indexOf(';') + 1) : field;
        for (int at = value.indexOf('@'); at >= 0; at = value.indexOf('@', at + 1)) {
            String address = addressAround(value, at);
            if (address != null) {
                return address;
            }
        }
        return null;
    }
}
