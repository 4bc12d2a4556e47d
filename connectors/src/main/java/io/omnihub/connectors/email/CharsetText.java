package io.omnihub.connectors.email;

import jakarta.mail.internet.MimeUtility;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * Turns the bytes of a text part into text whatever its label says: MIME names are mapped to
 * Java's, labels that understate the repertoire are widened (GB2312 is read as GB18030, ISO-8859-1
 * and US-ASCII as windows-1252, as browsers do), and bytes that are not what the label claims are
 * read as UTF-8 if they are valid UTF-8, else as windows-1252. Never throws.
 */
final class CharsetText {

    private static final Map<String, String> WIDER = Map.ofEntries(
            Map.entry("gb2312", "GB18030"), Map.entry("gbk", "GB18030"), Map.entry("x-gbk", "GB18030"),
            Map.entry("iso-8859-1", "windows-1252"), Map.entry("us-ascii", "windows-1252"),
            Map.entry("ascii", "windows-1252"), Map.entry("ks_c_5601-1987", "x-windows-949"),
            Map.entry("utf8", "UTF-8"), Map.entry("unicode-1-1-utf-8", "UTF-8"),
            // Shift_JIS as mailers write it is Microsoft's superset (circled digits, NEC specials)
            Map.entry("shift_jis", "windows-31j"), Map.entry("shift-jis", "windows-31j"),
            Map.entry("sjis", "windows-31j"), Map.entry("x-sjis", "windows-31j"));

    private CharsetText() {
    }

    static String decode(byte[] bytes, String label) {
        Charset declared = charset(label);
        if (declared != null) {
            String strict = strictly(bytes, declared);
            if (strict != null) {
                return strict;
            }
        }
        String utf8 = strictly(bytes, StandardCharsets.UTF_8);
        if (utf8 != null) {
            return utf8;
        }
        return new String(bytes, declared != null && !declared.equals(StandardCharsets.UTF_8) ? declared
                : Charset.forName("windows-1252"));
    }

    /** The Java charset for a MIME label, or null when there is none or it is unknown. */
    static Charset charset(String label) {
        if (label == null || label.isBlank()) {
            return null;
        }
        String name = label.strip().replace("\"", "").toLowerCase(Locale.ROOT);
        String wider = WIDER.get(name);
        try {
            return Charset.forName(wider != null ? wider : MimeUtility.javaCharset(name));
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String strictly(byte[] bytes, Charset charset) {
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
