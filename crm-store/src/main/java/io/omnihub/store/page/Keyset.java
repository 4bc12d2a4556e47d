package io.omnihub.store.page;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * A position in a list ordered by (time, id) descending: the last row a client has seen. Encoded
 * as an opaque URL-safe token so clients pass it back unchanged.
 */
public record Keyset(Instant at, long id) {

    public String encode() {
        String raw = at.toEpochMilli() + ":" + at.getNano() % 1_000_000 + ":" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.US_ASCII));
    }

    /** @throws IllegalArgumentException when the token was not made by {@link #encode()} */
    public static Keyset decode(String token) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.US_ASCII);
            String[] parts = raw.split(":");
            if (parts.length != 3) {
                throw new IllegalArgumentException("malformed cursor");
            }
            Instant at = Instant.ofEpochMilli(Long.parseLong(parts[0])).plusNanos(Long.parseLong(parts[1]));
            return new Keyset(at, Long.parseLong(parts[2]));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the cursor is not one this API returned", e);
        }
    }
}
