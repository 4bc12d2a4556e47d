package io.omnihub.it;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * Input as real clients, servers and attackers write it, generated from a seed: text of every
 * script and of control characters (NUL, CR without LF, bidi marks, BOM, lone surrogates), runs up
 * to tens of kilobytes, bytes that are no text at all, and every charset label, right or wrong.
 */
final class GeneratedInput {

    private static final String[] PIECES = {"Hello", "Grüße", "Müller", "façade", "Привет", "مرحبا", "שלום", "你好",
        "こんにちは", "안녕", "🙂", "👩‍👩‍👧", "\u0000", "\r", "\n", "\r\n", "\t", "\u200F", "\u202E", "\uFEFF", "\u2028",
        "\uD800", "\uDFFF", "%", "%zz", "%00", "&", "=", "+", "\"", "'", "<script>alert(1)</script>", "\\", "{", "}",
        "[", "]", ":", ";", ",", "=?UTF-8?B?SGVsbG8=?=", "=?bogus?Q?x?=", "--", "boundary", " ", "\u00A0", "\u0085",
        "\u007F", "\u001B[31m", "null", "NaN", "1e999", "-0", "\uFFFD", "Ω", "ß", "İ", "ǅ"};
    static final List<Charset> CHARSETS = List.of(StandardCharsets.UTF_8, StandardCharsets.ISO_8859_1,
            Charset.forName("windows-1252"), Charset.forName("Shift_JIS"), Charset.forName("KOI8-R"),
            StandardCharsets.UTF_16LE, Charset.forName("GB18030"), Charset.forName("ISO-2022-JP"));
    static final List<String> LABELS = List.of("utf-8", "UTF8", "iso-8859-1", "windows-1252", "shift_jis", "koi8-r",
            "utf-16le", "gb2312", "iso-2022-jp", "x-unknown", "", "\"utf-8\"", "us-ascii");

    private final Random random;

    GeneratedInput(long seed) {
        this.random = new Random(seed);
    }

    int between(int min, int max) {
        return min + random.nextInt(max - min + 1);
    }

    boolean chance(double p) {
        return random.nextDouble() < p;
    }

    <T> T oneOf(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** Text of up to {@code maxPieces} pieces, sometimes one very long run. */
    String text(int maxPieces) {
        StringBuilder text = new StringBuilder();
        int pieces = between(0, maxPieces);
        for (int i = 0; i < pieces; i++) {
            text.append(PIECES[random.nextInt(PIECES.length)]);
            if (chance(0.3)) {
                text.append(' ');
            }
        }
        if (chance(0.05)) {
            text.append("x".repeat(between(1_000, 70_000)));
        }
        return text.toString();
    }

    byte[] bytes(int max) {
        byte[] bytes = new byte[between(0, max)];
        random.nextBytes(bytes);
        return bytes;
    }

    String email(String run, int n) {
        return switch (between(0, 5)) {
            case 0 -> "not an address " + text(2);
            case 1 -> "  Fuzz." + run + "." + n + "@Example.COM ";
            case 2 -> text(3) + "@" + text(2);
            default -> "fuzz." + run + "." + n + "@example.com";
        };
    }
}
