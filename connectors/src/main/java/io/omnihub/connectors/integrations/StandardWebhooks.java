package io.omnihub.connectors.integrations;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Webhook signatures the Standard Webhooks way (standardwebhooks.com): {@code webhook-id},
 * {@code webhook-timestamp} (Unix seconds) and {@code webhook-signature}, a space-separated list of
 * {@code v1,<base64 HMAC-SHA256 over "id.timestamp.body">}, one per secret, so a receiver rotating
 * its secret accepts either. Secrets are {@code whsec_} followed by the Base64 key.
 */
public final class StandardWebhooks {

    public static final String ID = "webhook-id";
    public static final String TIMESTAMP = "webhook-timestamp";
    public static final String SIGNATURE = "webhook-signature";
    /** How far a timestamp may be from now: older or newer messages are refused (replay protection). */
    public static final Duration TOLERANCE = Duration.ofMinutes(5);
    private static final String PREFIX = "whsec_";

    private StandardWebhooks() {
    }

    /** The {@code webhook-signature} header value: one {@code v1,…} signature per secret. */
    public static String sign(List<String> secrets, String id, long timestamp, byte[] body) {
        return String.join(" ", secrets.stream().map(secret -> "v1," + Base64.getEncoder()
                .encodeToString(hmac(secret, id, timestamp, body))).toList());
    }

    /** Whether any signature in the header was made with any of the secrets, within the time tolerance. */
    public static boolean verify(List<String> secrets, String id, String timestamp, String signatureHeader,
            byte[] body, Instant now) {
        if (id == null || timestamp == null || signatureHeader == null) {
            return false;
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.strip());
        } catch (NumberFormatException e) {
            return false;
        }
        if (Math.abs(now.getEpochSecond() - seconds) > TOLERANCE.toSeconds()) {
            return false;
        }
        boolean valid = false;
        for (String secret : secrets) {
            byte[] expected = hmac(secret, id, seconds, body);
            for (String candidate : signatureHeader.strip().split(" +")) {
                if (!candidate.startsWith("v1,")) {
                    continue;
                }
                byte[] given;
                try {
                    given = Base64.getDecoder().decode(candidate.substring(3));
                } catch (IllegalArgumentException e) {
                    continue;
                }
                valid |= MessageDigest.isEqual(expected, given);
            }
        }
        return valid;
    }

    /** Whether a secret is usable: {@code whsec_} and a Base64 key of at least 16 bytes. */
    public static boolean wellFormed(String secret) {
        try {
            return key(secret).length >= 16;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static byte[] hmac(String secret, String id, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(secret), "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
        }
    }

    private static byte[] key(String secret) {
        if (secret == null || !secret.startsWith(PREFIX)) {
            throw new IllegalArgumentException("a webhook secret starts with " + PREFIX);
        }
        return Base64.getDecoder().decode(secret.substring(PREFIX.length()));
    }
}
