package io.omnihub.connectors.webform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers browsers' CORS pre-flight requests for web forms ({@code OPTIONS} with
 * {@code Access-Control-Request-Method}) from each form's own {@code allowed-origins}, before
 * Spring MVC's CORS handling (which knows nothing of per-form origins) would refuse them.
 */
class WebFormPreflightFilter extends OncePerRequestFilter {

    static final String PATH = "/channels/webform/";
    static final String ALLOWED_HEADERS = "Content-Type, Idempotency-Key, " + WebFormSignature.HEADER;

    private final WebFormInboxes inboxes;

    WebFormPreflightFilter(WebFormInboxes inboxes) {
        this.inboxes = inboxes;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !HttpMethod.OPTIONS.matches(request.getMethod())
                || request.getHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD) == null
                || !request.getRequestURI().startsWith(PATH);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getRequestURI().substring(PATH.length());
        Optional<WebFormSettings> form = inboxes.webform(key);
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        response.addHeader(HttpHeaders.VARY, HttpHeaders.ORIGIN);
        if (form.isEmpty()) {
            refuse(response, HttpServletResponse.SC_NOT_FOUND, "there is no form '" + key + "'");
            return;
        }
        if (origin == null || !form.get().allowsOrigin(origin)
                || !"POST".equalsIgnoreCase(request.getHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD))) {
            refuse(response, HttpServletResponse.SC_FORBIDDEN, "this form does not accept posts from origin " + origin);
            return;
        }
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
        response.setHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
        response.setHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, "POST");
        response.setHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, ALLOWED_HEADERS);
        response.setHeader(HttpHeaders.ACCESS_CONTROL_MAX_AGE, "600");
    }

    /**
     * Answers directly: an error dispatch would carry the pre-flight headers into Spring MVC, which
     * turns any such request into its own 403.
     */
    private static void refuse(HttpServletResponse response, int status, String detail) throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"status\":" + status + ",\"detail\":\""
                + detail.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}");
    }
}
