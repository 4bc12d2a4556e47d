package io.omnihub.connectors.twilio;

import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * The Twilio SDK's HTTP client, as the hub uses it:
 * <ul>
 *   <li>with an {@code api-base-url}, every request goes to that base URL instead (a Twilio-compatible
 *       gateway, or a local server in tests) with the same path, parameters, headers and credentials —
 *       the SDK has no base-URL setting of its own;</li>
 *   <li>the status and start of the last error answer on this thread are kept ({@link #lastError()}):
 *       an error without Twilio's JSON error body reaches the SDK's caller with neither status nor
 *       message, and the hub must still say what Twilio answered.</li>
 * </ul>
 */
public final class TwilioHttpClient extends NetworkHttpClient {

    /** An error answer: its HTTP status and the start of its body. */
    public record ErrorAnswer(int status, String body) {
    }

    private static final ThreadLocal<ErrorAnswer> LAST_ERROR = new ThreadLocal<>();
    private static final int KEPT = 300;

    private final URI base;

    /** @param base where to send requests instead of api.twilio.com, or null */
    public TwilioHttpClient(URI base) {
        this.base = base;
    }

    /** The last error answer of a request made on this thread, or null; cleared by the next request. */
    public static ErrorAnswer lastError() {
        return LAST_ERROR.get();
    }

    @Override
    public Response makeRequest(Request original) {
        LAST_ERROR.remove();
        Response response = super.makeRequest(base == null ? original : redirected(original));
        if (response.getStatusCode() < 400) {
            return response;
        }
        String content = response.getContent();
        LAST_ERROR.set(new ErrorAnswer(response.getStatusCode(), content == null ? ""
                : content.length() <= KEPT ? content.strip() : content.substring(0, KEPT).strip() + "…"));
        // the stream was read to keep its start: the SDK reads the same content again
        return new Response(content, response.getStatusCode(), response.getHeaders());
    }

    private Request redirected(Request original) {
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
        return redirected;
    }

    private static void copy(Map<String, List<String>> from, java.util.function.BiConsumer<String, String> to) {
        if (from != null) {
            from.forEach((name, values) -> values.forEach(value -> to.accept(name, value)));
        }
    }
}
