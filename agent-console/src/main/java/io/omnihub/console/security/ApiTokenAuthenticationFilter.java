package io.omnihub.console.security;

import io.omnihub.store.user.AppUserRepository;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer omh_...} as the token owner's account, with the
 * owner's roles. An unknown or revoked token leaves the request anonymous (and so refused).
 */
class ApiTokenAuthenticationFilter extends OncePerRequestFilter {

    private final ApiTokens tokens;
    private final AppUserRepository users;
    private final Clock clock;

    ApiTokenAuthenticationFilter(ApiTokens tokens, AppUserRepository users, Clock clock) {
        this.tokens = tokens;
        this.users = users;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            tokens.authenticate(header.substring(7).strip())
                    .flatMap(token -> users.findById(token.getUserId()))
                    .map(user -> HubUserDetailsService.toDetails(user, clock))
                    // a disabled user's tokens stop working; the sign-in lockout does not apply to
                    // tokens, or anyone could switch an integration off by guessing its password
                    .filter(UserDetails::isEnabled)
                    .ifPresent(user -> SecurityContextHolder.getContext().setAuthentication(
                            UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities())));
        }
        chain.doFilter(request, response);
    }
}
