package io.omnihub.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.core.env.Environment;

/** Talks HTTP to the running hub, as an external system or browser would. */
@TestComponent
public class HubClient {

    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "it-admin-password";

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final Environment environment;
    private final ObjectMapper json;

    HubClient(Environment environment, ObjectMapper json) {
        this.environment = environment;
        this.json = json;
    }

    public URI uri(String path) {
        return URI.create("http://localhost:" + environment.getProperty("local.server.port") + path);
    }

    public HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> postForm(String formKey, Map<String, String> fields) {
        return send(HttpRequest.newBuilder(uri("/channels/webform/" + formKey))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(urlEncoded(fields))));
    }

    public HttpResponse<String> post(String path, String contentType, byte[] body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request);
    }

    /** GET as the administrator; fails unless 200. */
    public JsonNode getJson(String path) {
        HttpResponse<String> response = get(path, ADMIN, ADMIN_PASSWORD);
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return read(response.body());
    }

    public HttpResponse<String> get(String path, String user, String password) {
        return getFrom(null, path, user, password);
    }

    /**
     * A GET as a client at {@code address} (through the proxy the "it" profile trusts, by
     * X-Forwarded-For): sign-in throttling counts per client address.
     */
    public HttpResponse<String> getFrom(String address, String path, String user, String password) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        if (address != null) {
            request.header("X-Forwarded-For", address);
        }
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return send(request);
    }

    public HttpResponse<String> getWithToken(String path, String token) {
        return send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token).GET());
    }

    /** Creates a user (as the administrator) with the display name of their user name; fails unless created. */
    public void createUser(String username, String password, String... roles) {
        HttpResponse<String> created = postJsonAsAdmin("/api/v1/admin/users", Map.of("username", username,
                "displayName", username, "password", password, "roles", List.of(roles)));
        if (created.statusCode() != 201) {
            throw new AssertionError("user " + username + " not created: " + created.statusCode() + " " + created.body());
        }
    }

    public HttpResponse<String> postJsonAsAdmin(String path, Object body) {
        return jsonAsAdmin("POST", path, body);
    }

    public HttpResponse<String> putJsonAsAdmin(String path, Object body) {
        return jsonAsAdmin("PUT", path, body);
    }

    public HttpResponse<String> patchJsonAsAdmin(String path, Object body) {
        return jsonAsAdmin("PATCH", path, body);
    }

    private HttpResponse<String> jsonAsAdmin(String method, String path, Object body) {
        return jsonAs(ADMIN, ADMIN_PASSWORD, method, path, body);
    }

    /** A JSON request as the given user (HTTP Basic). */
    public HttpResponse<String> jsonAs(String user, String password, String method, String path, Object body) {
        try {
            return send(HttpRequest.newBuilder(uri(path))
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Basic " + Base64.getEncoder()
                            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                    .method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public JsonNode read(String body) {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String urlEncoded(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    public static Map<String, String> fields(String... keyValues) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            fields.put(keyValues[i], keyValues[i + 1]);
        }
        return fields;
    }

    /** A multipart/form-data body built by hand, as a browser sends it. */
    public static final class Multipart {
        private final String boundary = "----omnihub" + System.nanoTime();
        private final ByteArrayOutputStream body = new ByteArrayOutputStream();

        public Multipart field(String name, String value) {
            write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n");
            return this;
        }

        public Multipart file(String name, String fileName, String contentType, byte[] content) {
            write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + fileName
                    + "\"\r\nContent-Type: " + contentType + "\r\n\r\n");
            body.writeBytes(content);
            write("\r\n");
            return this;
        }

        public String contentType() {
            return "multipart/form-data; boundary=" + boundary;
        }

        public byte[] bytes() {
            ByteArrayOutputStream copy = new ByteArrayOutputStream();
            copy.writeBytes(body.toByteArray());
            copy.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return copy.toByteArray();
        }

        private void write(String s) {
            body.writeBytes(s.getBytes(StandardCharsets.UTF_8));
        }
    }
}
