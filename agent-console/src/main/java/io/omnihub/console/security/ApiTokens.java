package io.omnihub.console.security;

import io.omnihub.store.audit.AuditTrail;
import io.omnihub.store.user.ApiToken;
import io.omnihub.store.user.ApiTokenRepository;
import io.omnihub.store.user.AppUser;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues and checks API tokens. A token is 32 random bytes shown once as {@code omh_<base64url>};
 * only its SHA-256 is stored, which is enough for a secret of that strength and keeps checking a
 * token cheap on every request.
 */
@Service
public class ApiTokens {

    static final String PREFIX = "omh_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ApiTokenRepository tokens;
    private final AuditTrail audit;
    private final Clock clock;

    ApiTokens(ApiTokenRepository tokens, AuditTrail audit, Clock clock) {
        this.tokens = tokens;
        this.audit = audit;
        this.clock = clock;
    }

    /** The new token's id and its secret value, which is not stored and cannot be shown again. */
    public record IssuedToken(Long id, String name, String token) {
    }

    @Transactional
    public IssuedToken issue(AppUser owner, String name, String issuedBy) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        ApiToken saved = tokens.save(new ApiToken(owner.getId(), name, hash(token), clock.instant()));
        audit.record(issuedBy, "api-token.issued", "api_token", saved.getId(),
                Map.of("owner", owner.getUsername(), "name", name));
        return new IssuedToken(saved.getId(), name, token);
    }

    @Transactional
    public Optional<ApiToken> authenticate(String token) {
        if (token == null || !token.startsWith(PREFIX)) {
            return Optional.empty();
        }
        Optional<ApiToken> found = tokens.findByTokenHash(hash(token)).filter(ApiToken::isActive);
        found.ifPresent(t -> tokens.touch(t.getId(), clock.instant()));
        return found;
    }

    @Transactional
    public boolean revoke(Long id, String revokedBy) {
        return tokens.findById(id).map(t -> {
            t.revoke(clock.instant());
            audit.record(revokedBy, "api-token.revoked", "api_token", id, Map.of());
            return true;
        }).orElse(false);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
