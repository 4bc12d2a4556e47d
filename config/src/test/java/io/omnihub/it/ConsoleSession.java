package io.omnihub.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/**
 * A console session as a browser holds one: signed in through the sign-in form, with its session
 * cookie, and the CSRF token the console's pages carry for their forms (JDK HTTP client).
 */
final class ConsoleSession {

    private final HubClient hub;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();
    private HttpResponse<String> signInAnswer;

    private ConsoleSession(HubClient hub) {
        this.hub = hub;
    }

    /** Signs in as this user; fails unless the sign-in form accepts them. */
    static ConsoleSession signIn(HubClient hub, String user, String password) {
        ConsoleSession session = new ConsoleSession(hub);
        String csrf = csrfIn(session.get("/login").body());
        HttpResponse<String> signedIn = session.send(HttpRequest.newBuilder(hub.uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(HubClient.urlEncoded(Map.of("username", user,
                        "password", password, "_csrf", csrf)))));
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElse("")).endsWith("/console/inbox");
        session.signInAnswer = signedIn;
        return session;
    }

    /** What the sign-in form's post was answered (its headers: the new session's cookie). */
    HttpResponse<String> signInAnswer() {
        return signInAnswer;
    }

    java.net.URI uri(String path) {
        return hub.uri(path);
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(hub.uri(path)));
    }

    /** Posts a console form with the CSRF token of the page {@code formPage}, as the page's form would. */
    HttpResponse<String> postForm(String formPage, String path, Map<String, String> fields) {
        String csrf = csrfIn(get(formPage).body());
        java.util.Map<String, String> withToken = new java.util.LinkedHashMap<>(fields);
        withToken.put("_csrf", csrf);
        return send(HttpRequest.newBuilder(hub.uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(HubClient.urlEncoded(withToken))));
    }

    /** Signs out with the console's sign-out form. */
    HttpResponse<String> signOut() {
        return postForm("/console/inbox", "/logout", Map.of());
    }

    /** The session cookie's value (the servlet session id). */
    String sessionId() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
                .map(HttpCookie::getValue).findFirst().orElseThrow();
    }

    /** Opens a request on this session (for streams and other bodies than text). */
    <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body) {
        try {
            return http.send(request.build(), body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        return send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** The CSRF token of a console page: its form field, or its meta tag. */
    static String csrfIn(String page) {
        java.util.regex.Matcher field = java.util.regex.Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"")
                .matcher(page);
        if (field.find()) {
            return field.group(1);
        }
        java.util.regex.Matcher meta = java.util.regex.Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"")
                .matcher(page);
        if (meta.find()) {
            return meta.group(1);
        }
        throw new AssertionError("no CSRF token on the page: " + page.substring(0, Math.min(page.length(), 500)));
    }
}
