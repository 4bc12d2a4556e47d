package io.omnihub.console.api;

import io.omnihub.console.security.ApiTokens;
import io.omnihub.store.user.ApiTokenRepository;
import io.omnihub.store.user.AppUser;
import io.omnihub.store.user.AppUserRepository;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/tokens")
@Tag(name = "API tokens", description = "Bearer tokens for integrations (administrators only)")
class TokenController {

    private final ApiTokens tokens;
    private final ApiTokenRepository repository;
    private final AppUserRepository users;

    TokenController(ApiTokens tokens, ApiTokenRepository repository, AppUserRepository users) {
        this.tokens = tokens;
        this.repository = repository;
        this.users = users;
    }

    /** @param username the account the token acts as (its roles apply) */
    record TokenRequest(@NotBlank String username, @NotBlank @Size(max = 100) String name) {
    }

    record TokenView(Long id, String name, Instant createdAt, Instant lastUsedAt, Instant revokedAt) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Issue a token", description = "The token value is in the answer only; store it now.")
    ApiTokens.IssuedToken issue(@Valid @RequestBody TokenRequest request, Principal admin) {
        AppUser owner = users.findByUsername(request.username())
                .orElseThrow(() -> new IllegalArgumentException("there is no user '" + request.username() + "'"));
        return tokens.issue(owner, request.name(), admin.getName());
    }

    @GetMapping
    @Operation(summary = "A user's tokens (without their values)")
    List<TokenView> list(@RequestParam String username) {
        AppUser owner = users.findByUsername(username)
                .orElseThrow(() -> new NotFoundException("there is no user '" + username + "'"));
        return repository.findByUserIdOrderByIdAsc(owner.getId()).stream()
                .map(t -> new TokenView(t.getId(), t.getName(), t.getCreatedAt(), t.getLastUsedAt(), t.getRevokedAt()))
                .toList();
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Revoke a token; it stops working at once")
    ResponseEntity<Void> revoke(@PathVariable Long id, Principal admin) {
        if (!tokens.revoke(id, admin.getName())) {
            throw new NotFoundException("there is no token " + id);
        }
        return ResponseEntity.noContent().build();
    }
}
