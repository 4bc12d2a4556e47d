package io.omnihub.connectors;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.multipart.support.StandardServletMultipartResolver;

/**
 * Leaves channel endpoints ({@code /channels/...}) to read their own raw bodies: signatures are
 * computed over the exact bytes sent, so the container must not parse those requests first.
 */
class ChannelMultipartResolver extends StandardServletMultipartResolver {

    @Override
    public boolean isMultipart(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(request.getContextPath() + "/channels/")
                && super.isMultipart(request);
    }
}
