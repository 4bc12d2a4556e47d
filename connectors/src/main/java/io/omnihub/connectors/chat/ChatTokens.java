package io.omnihub.connectors.chat;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Signs and reads the visitor tokens the widget keeps: {@code <payload>.<mac>}, the payload being
 * base64url JSON of a {@link ChatVisitor} and the MAC an HMAC-SHA256 over it with a hub secret
 * shared by every node. A token changed in any byte is refused.
 */
public class ChatTokens {

    private static final String PURPOSE = "omnihub-chat-v1.";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final byte[] secret;
    private final ObjectMapper json = new ObjectMapper();

    public ChatTokens(String secret) {
        if (secret == null || secret.length() < 16) {
            throw new IllegalArgumentException("the chat token secret must have at least 16 characters");
        }
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    public String sign(ChatVisitor visitor) {
        Map<String, String> claims = new LinkedHashMap<>();
        claims.put("i", visitor.inbox());
        claims.put("v", visitor.visitorId());
        claims.put("s", visitor.sessionId());
        claims.put("n", visitor.name());
        claims.put("e", visitor.email());
        claims.put("u", visitor.userId());
        try {
            String payload = ENCODER.encodeToString(json.writeValueAsBytes(claims));
            return payload + "." + ENCODER.encodeToString(mac(payload));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The visitor the token names, or {@code null} when it is not a token this hub signed. */
    public ChatVisitor read(String token) {
        if (token == null || token.length() > 4_096) {
            return null;
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || dot != token.lastIndexOf('.')) {
            return null;
        }
        String payload = token.substring(0, dot);
        byte[] given;
        try {
            given = Base64.getUrlDecoder().decode(token.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (!MessageDigest.isEqual(mac(payload), given)) {
            return null;
        }
        try {
            JsonNode claims = json.readTree(Base64.getUrlDecoder().decode(payload));
            return new ChatVisitor(text(claims, "i"), text(claims, "v"), text(claims, "s"), text(claims, "n"),
                    text(claims, "e"), text(claims, "u"));
        } catch (java.io.IOException | IllegalArgumentException e) {
            return null;
        }
    }

    private static String text(JsonNode claims, String name) {
        JsonNode value = claims.get(name);
        return value == null || value.isNull() ? null : value.asText();
    }

    private byte[] mac(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal((PURPOSE + payload).getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
