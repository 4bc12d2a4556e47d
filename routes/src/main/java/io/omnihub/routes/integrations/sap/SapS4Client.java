package io.omnihub.routes.integrations.sap;

import io.omnihub.routes.integrations.IntegrationTarget;
import io.omnihub.routes.integrations.TargetAuthorization;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * SAP S/4HANA's OData v2 APIs as SAP documents them. Writes need a CSRF token: fetched with
 * {@code x-csrf-token: Fetch} on the service root, sent back with the session cookies of that
 * fetch; a 403 answering {@code x-csrf-token: Required} means the token expired, and it is fetched
 * again once. One client per target (its own cookie jar).
 */
final class SapS4Client {

    static final String BUSINESS_PARTNER = "/sap/opu/odata/sap/API_BUSINESS_PARTNER";
    static final String SALES_ORDER = "/sap/opu/odata/sap/API_SALES_ORDER_SRV";

    /** An answer: status, body, and the ETag-less location of what was created. */
    record Answer(int status, String body) {
    }

    /** SAP refused the target's credentials (401 or 403 where no CSRF token is at stake): no retry helps. */
    static final class AccessRefused extends IOException {
        private final int status;

        AccessRefused(int status, String message) {
            super(message);
            this.status = status;
        }

        int status() {
            return status;
        }
    }

    private final String name;
    private final IntegrationTarget target;
    private final TargetAuthorization authorization;
    private final HttpClient http;
    private final ObjectMapper json;
    private volatile String csrfToken;

    SapS4Client(String name, IntegrationTarget target, TargetAuthorization authorization, ObjectMapper json) {
        this.name = name;
        this.target = target;
        this.authorization = authorization;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Creates a business partner (POST) or changes one (PATCH on its key), with the CSRF token. */
    Answer write(String method, String path, JsonNode body) throws IOException, InterruptedException {
        for (int attempt = 0; attempt < 2; attempt++) {
            String token = csrfToken != null ? csrfToken : fetchToken();
            HttpRequest.Builder request = base(BUSINESS_PARTNER + path)
                    .header("Content-Type", "application/json")
                    .header("x-csrf-token", token)
                    .method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
            if ("PATCH".equals(method)) {
                request.header("If-Match", "*");
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 401) {
                throw refused(401, "on " + method + " A_BusinessPartner");
            }
            boolean tokenRefused = response.statusCode() == 403 && "required".equalsIgnoreCase(
                    response.headers().firstValue("x-csrf-token").orElse(""));
            if (!tokenRefused) {
                return new Answer(response.statusCode(), response.body());
            }
            csrfToken = null;
        }
        return new Answer(403, "SAP refused the CSRF token twice");
    }

    /** A customer's latest sales orders ({@code SoldToParty} = their business partner). */
    JsonNode salesOrders(String businessPartner, int top, Duration timeout) throws IOException, InterruptedException {
        String filter = URLEncoder.encode("SoldToParty eq '" + businessPartner.replace("'", "''") + "'",
                StandardCharsets.UTF_8).replace("+", "%20");
        HttpResponse<String> response = http.send(base(SALES_ORDER + "/A_SalesOrder?$filter=" + filter
                + "&$orderby=CreationDate%20desc&$top=" + top + "&$format=json").timeout(timeout).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 401 || response.statusCode() == 403) {
            throw refused(response.statusCode(), "on the sales orders");
        }
        if (response.statusCode() != 200) {
            throw new IOException("SAP answered " + response.statusCode() + " for the sales orders of "
                    + businessPartner);
        }
        return json.readTree(response.body()).path("d").path("results");
    }

    private AccessRefused refused(int status, String where) {
        return new AccessRefused(status, "SAP refused the credentials of target '" + name + "' (HTTP " + status + " "
                + where + "): correct omnihub.integrations." + name + ".auth, then replay the parked deliveries");
    }

    private String fetchToken() throws IOException, InterruptedException {
        HttpResponse<Void> response = http.send(base(BUSINESS_PARTNER + "/").header("x-csrf-token", "Fetch").GET()
                .build(), HttpResponse.BodyHandlers.discarding());
        Optional<String> token = response.headers().firstValue("x-csrf-token");
        if (response.statusCode() == 401 || response.statusCode() == 403) {
            throw refused(response.statusCode(), "on the CSRF token fetch");
        }
        if (response.statusCode() != 200 || token.isEmpty()) {
            throw new IOException("SAP gave no CSRF token (status " + response.statusCode() + ")");
        }
        csrfToken = token.get();
        return csrfToken;
    }

    private HttpRequest.Builder base(String path) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target.url().toString().replaceAll("/$", "")
                + path)).timeout(target.timeout()).header("Accept", "application/json");
        authorization.header(name, target).ifPresent(value -> request.header("Authorization", value));
        return request;
    }

}
