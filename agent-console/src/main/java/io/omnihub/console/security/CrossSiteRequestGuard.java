package io.omnihub.console.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * No state change from another site, whatever the credentials: a browser that once sent HTTP
 * Basic credentials (or holds a session cookie) sends them along with a form another site's page
 * submits. An authenticated request with an unsafe method (anything but GET, HEAD, OPTIONS) is
 * refused (403) when the browser says it comes from elsewhere: {@code Sec-Fetch-Site} other than
 * {@code same-origin} or {@code none} (typed by the user), or, from browsers that do not send
 * that, an {@code Origin} that is not the host the request was sent to. Clients that are not
 * browsers (curl, an ERP, Twilio) send neither and are not affected.
 */
final class CrossSiteRequestGuard extends OncePerRequestFilter {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final ObjectMapper json;

    CrossSiteRequestGuard(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String crossSite = SAFE.contains(request.getMethod()) || !authenticated() ? null : crossSite(request);
        if (crossSite == null) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpStatus.FORBIDDEN.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", "Forbidden");
        problem.put("status", 403);
        problem.put("detail", "a cross-site request cannot change anything here (" + crossSite + ")");
        json.writeValue(response.getOutputStream(), problem);
    }

    private static boolean authenticated() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken);
    }

    /** Why the request comes from another site, or null when it does not (or the client is no browser). */
    static String crossSite(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null) {
            String value = site.strip().toLowerCase(Locale.ROOT);
            return value.equals("same-origin") || value.equals("none") ? null : "Sec-Fetch-Site: " + value;
        }
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return null;
        }
        if (origin.strip().equals("null")) {
            return "Origin: null";
        }
        String host = request.getHeader("X-Forwarded-Host");
        host = host != null ? host.split(",")[0].strip() : request.getHeader("Host");
        try {
            URI from = URI.create(origin.strip());
            String fromHost = from.getHost() + (from.getPort() == -1 ? "" : ":" + from.getPort());
            return host != null && fromHost.equalsIgnoreCase(host.strip()) ? null : "Origin: " + origin;
        } catch (IllegalArgumentException unreadable) {
            return "Origin: " + origin;
        }
    }
}
