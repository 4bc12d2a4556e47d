package io.omnihub.connectors.email;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Message-IDs of the mail we send name their conversation and carry an HMAC of it with a server
 * secret: {@code omh.<conversation>.<nonce>.<mac>@<domain>}. A reply quoting one continues that
 * conversation; a forged id (naming a conversation without the secret) is not recognised.
 */
public final class MessageIdSigner {

    private static final Pattern OURS = Pattern.compile("omh\\.(\\d{1,18})\\.([0-9a-f]{16})\\.([0-9a-f]{32})@.+");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] secret;

    public MessageIdSigner(String secret) {
        if (secret == null || secret.length() < 16) {
            throw new IllegalArgumentException("the Message-ID signing secret must have at least 16 characters");
        }
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    /** A new Message-ID (without angle brackets) for a mail of the conversation. */
    public String sign(long conversationId, String domain) {
        byte[] nonce = new byte[8];
        RANDOM.nextBytes(nonce);
        String n = HexFormat.of().formatHex(nonce);
        return "omh." + conversationId + "." + n + "." + mac(conversationId, n) + "@" + domain;
    }

    /** The conversation a Message-ID of ours names, when its signature is valid. */
    public Optional<Long> conversationOf(String messageId) {
        if (messageId == null) {
            return Optional.empty();
        }
        Matcher m = OURS.matcher(messageId.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        long conversation;
        try {
            conversation = Long.parseLong(m.group(1));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        byte[] expected = mac(conversation, m.group(2)).getBytes(StandardCharsets.US_ASCII);
        byte[] given = m.group(3).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given) ? Optional.of(conversation) : Optional.empty();
    }

    private String mac(long conversationId, String nonce) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] digest = mac.doFinal((conversationId + "." + nonce).getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
