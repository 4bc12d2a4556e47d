package io.omnihub.connectors.email;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes RFC 2047 encoded words in header values the way mail clients do, not the way the RFC
 * allows: whitespace between adjacent encoded words disappears (so a word split across folded
 * lines joins again, even mid-character), encoded words glued to text are decoded too, an unknown
 * charset falls back instead of failing, and raw 8-bit UTF-8 is left as it is.
 */
final class EncodedWords {

    private static final Pattern WORD = Pattern.compile("=\\?([^?\\s]+)\\?([bBqQ])\\?([^?\\s]*)\\?=");
    private static final Pattern BETWEEN_WORDS = Pattern.compile("(\\?=)[ \\t\\r\\n]+(=\\?)");

    private EncodedWords() {
    }

    /** The header value unfolded and decoded; null stays null. */
    static String decode(String value) {
        if (value == null) {
            return null;
        }
        String unfolded = value.replaceAll("\\r?\\n(?=[ \\t])", "");
        if (!unfolded.contains("=?")) {
            return unfolded.strip();
        }
        String joined = BETWEEN_WORDS.matcher(unfolded).replaceAll("$1$2");
        StringBuilder out = new StringBuilder();
        Matcher m = WORD.matcher(joined);
        int last = 0;
        // consecutive words in the same charset are decoded together: a multi-byte character may be
        // split between two words
        ByteArrayOutputStream pending = new ByteArrayOutputStream();
        String pendingCharset = null;
        while (m.find()) {
            String charset = m.group(1).split("\\*", 2)[0];
            boolean adjacent = m.start() == last;
            if (!adjacent || (pendingCharset != null && !pendingCharset.equalsIgnoreCase(charset))) {
                flush(out, pending, pendingCharset);
                pendingCharset = null;
            }
            if (!adjacent) {
                out.append(joined, last, m.start());
            }
            byte[] bytes = "B".equalsIgnoreCase(m.group(2)) ? base64(m.group(3)) : qEncoding(m.group(3));
            pending.writeBytes(bytes);
            pendingCharset = charset;
            last = m.end();
        }
        flush(out, pending, pendingCharset);
        out.append(joined.substring(last));
        return out.toString().strip();
    }

    private static void flush(StringBuilder out, ByteArrayOutputStream pending, String charset) {
        if (pending.size() > 0) {
            out.append(CharsetText.decode(pending.toByteArray(), charset));
            pending.reset();
        }
    }

    private static byte[] base64(String text) {
        String clean = text.replaceAll("[^A-Za-z0-9+/]", "");
        if (clean.length() % 4 == 1) {
            clean = clean.substring(0, clean.length() - 1);
        }
        try {
            return Base64.getDecoder().decode(clean + "==".substring(0, (4 - clean.length() % 4) % 4));
        } catch (IllegalArgumentException e) {
            return text.getBytes(StandardCharsets.US_ASCII);
        }
    }

    private static byte[] qEncoding(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '_') {
                bytes.write(' ');
            } else if (c == '=' && isHex(text, i + 1) && isHex(text, i + 2)) {
                bytes.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                bytes.write(c);
            }
        }
        return bytes.toByteArray();
    }

    private static boolean isHex(String text, int i) {
        return i < text.length() && Character.digit(text.charAt(i), 16) >= 0;
    }
}
