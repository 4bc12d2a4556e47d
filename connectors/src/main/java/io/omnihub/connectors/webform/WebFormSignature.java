package io.omnihub.connectors.webform;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks {@code X-Omnihub-Signature: t=<unix seconds>,v1=<hex>} on server-to-server form posts:
 * v1 is HMAC-SHA256 with the form's secret over {@code <t>.<raw body>}. The timestamp must be
 * within five minutes, so a captured post cannot be replayed later.
 */
final class WebFormSignature {

    static final String HEADER = "X-Omnihub-Signature";
    static final Duration TOLERANCE = Duration.ofMinutes(5);

    private WebFormSignature() {
    }

    /** @return null when valid, else why not (for the 401 answer) */
    static String problem(String secret, String header, byte[] body, Instant now) {
        if (header == null || header.isBlank()) {
            return "this form requires a signed post: the " + HEADER + " header is missing";
        }
        String timestamp = null;
        String signature = null;
        for (String part : header.split(",")) {
            String[] kv = part.strip().split("=", 2);
            if (kv.length == 2 && kv[0].equals("t")) {
                timestamp = kv[1];
            } else if (kv.length == 2 && kv[0].equals("v1")) {
                signature = kv[1];
            }
        }
        if (timestamp == null || signature == null) {
            return "the " + HEADER + " header must read t=<unix seconds>,v1=<hex HMAC-SHA256>";
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            return "the signature timestamp is not a number";
        }
        if (Duration.between(Instant.ofEpochSecond(seconds), now).abs().compareTo(TOLERANCE) > 0) {
            return "the signature timestamp is more than 5 minutes away from the hub's clock";
        }
        byte[] expected = sign(secret, timestamp, body);
        byte[] given;
        try {
            given = HexFormat.of().parseHex(signature.toLowerCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return "the signature is not hexadecimal";
        }
        return MessageDigest.isEqual(expected, given) ? null : "the signature does not match the body";
    }

    static byte[] sign(String secret, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(timestamp.getBytes(StandardCharsets.US_ASCII));
            mac.update((byte) '.');
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
        }
    }
}
