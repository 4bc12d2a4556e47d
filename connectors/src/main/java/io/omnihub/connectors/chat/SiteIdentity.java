package io.omnihub.connectors.chat;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks a user id a site passes to the widget for its signed-in user: the site computes
 * {@code hex(HMAC-SHA256(identity-secret, userId))} on its server and passes it along. Only a
 * correct signature links the chat to that user's customer; anything else is refused.
 */
final class SiteIdentity {

    static final int MAX_USER_ID = 200;

    private SiteIdentity() {
    }

    /** Why the id is refused, or {@code null} when it is properly signed. */
    static String refusal(ChatSettings settings, String userId, String signature) {
        if (userId.isBlank() || userId.length() > MAX_USER_ID) {
            return "the user id must have 1 to " + MAX_USER_ID + " characters";
        }
        if (settings.identitySecret() == null || settings.identitySecret().isBlank()) {
            return "this chat does not accept user ids (no identity secret is configured)";
        }
        if (signature == null || signature.isBlank()) {
            return "the user id is not signed: pass userHash = hex(HMAC-SHA256(identity secret, user id))";
        }
        byte[] expected = sign(settings.identitySecret(), userId);
        byte[] given;
        try {
            given = HexFormat.of().parseHex(signature.strip().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return "the user id's signature is not hex";
        }
        return MessageDigest.isEqual(expected, given) ? null : "the user id's signature is wrong";
    }

    private static byte[] sign(String secret, String userId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(userId.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
