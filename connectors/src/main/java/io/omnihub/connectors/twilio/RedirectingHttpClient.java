package io.omnihub.connectors.twilio;

import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * The Twilio SDK's HTTP client, sending every request to another base URL (a Twilio-compatible
 * gateway, or a local server in tests) with the same path, parameters, headers and credentials.
 * The SDK has no base-URL setting of its own.
 */
public final class RedirectingHttpClient extends NetworkHttpClient {

    private final URI base;

    public RedirectingHttpClient(URI base) {
        this.base = base;
    }

    @Override
    public Response makeRequest(Request original) {
        URI url = URI.create(original.getUrl());
        String target = base.toString().replaceAll("/$", "") + url.getRawPath()
                + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
        Request redirected = new Request(original.getMethod(), target);
        if (original.getUsername() != null) {
            redirected.setAuth(original.getUsername(), original.getPassword());
        }
        copy(original.getQueryParams(), redirected::addQueryParam);
        copy(original.getPostParams(), redirected::addPostParam);
        copy(original.getHeaderParams(), redirected::addHeaderParam);
        if (original.getContentType() != null) {
            redirected.setContentType(original.getContentType());
        }
        if (original.getBody() != null) {
            redirected.setBody(original.getBody());
        }
        return super.makeRequest(redirected);
    }

    private static void copy(Map<String, List<String>> from, java.util.function.BiConsumer<String, String> to) {
        if (from != null) {
            from.forEach((name, values) -> values.forEach(value -> to.accept(name, value)));
        }
    }
}
