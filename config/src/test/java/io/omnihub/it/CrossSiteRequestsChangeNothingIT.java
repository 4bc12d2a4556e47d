package io.omnihub.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import com.sun.net.httpserver.HttpServer;

/**
 * No state change from another site, whatever the credentials. Every unsafe route of the API and
 * the console — found from the hub's own request mappings, so a new route is covered without
 * touching this test — is tried as another site's page would: in Chromium holding saved HTTP Basic
 * credentials and a console session, by a page on another origin that auto-submits a form (or
 * calls fetch), and with the headers browsers send on such requests, with Basic and bearer tokens.
 * Nothing is changed; the answer says why.
 */
@WithRunningHub
class CrossSiteRequestsChangeNothingIT extends InBrowser {

    static final int SITE_PORT = 31181;
    /** Another site: the hub is at http://localhost:port, this page at 127.0.0.1. */
    static final String SITE = "http://127.0.0.1:" + SITE_PORT;
    static final String REFUSAL = "a cross-site request cannot change anything here";
    static final Set<String> UNSAFE = Set.of("POST", "PUT", "PATCH", "DELETE");

    record Route(String method, String pattern, Set<String> consumes) implements Comparable<Route> {
        String path(long id) {
            return pattern.replaceAll("\\{[^}]+}", Long.toString(id));
        }

        @Override
        public int compareTo(Route other) {
            return (pattern + " " + method).compareTo(other.pattern + " " + other.method);
        }
    }

    @Autowired
    HubClient hub;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    HttpServer site;

    @BeforeEach
    void openTheOtherSite() throws IOException {
        site = HttpServer.create(new InetSocketAddress("127.0.0.1", SITE_PORT), 0);
        // /form?action=...&method=...&enctype=...: a page that submits a form to the hub as soon as it loads
        site.createContext("/form", exchange -> {
            Map<String, String> query = new java.util.HashMap<>();
            for (String pair : exchange.getRequestURI().getRawQuery().split("&")) {
                String[] kv = pair.split("=", 2);
                query.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
            }
            String page = """
                    <!DOCTYPE html><html><body><form method="post" action="%s" enctype="%s">
                    <input name="text" value="%s"><input name="status" value="RESOLVED">
                    <input name="activity" value="typing"><input name="merge" value="1"></form>
                    <script src="/submit.js"></script></body></html>""".formatted(query.get("action"),
                    query.get("enctype"), query.get("marker"));
            respond(exchange, "text/html", page);
        });
        site.createContext("/submit.js", exchange -> respond(exchange, "text/javascript",
                "document.forms[0].submit();"));
        site.createContext("/", exchange -> respond(exchange, "text/html",
                "<!DOCTYPE html><html><body><h1>Another site</h1></body></html>"));
        site.start();
    }

    private static void respond(com.sun.net.httpserver.HttpExchange exchange, String type, String body)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type + "; charset=utf-8");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @AfterEach
    void closeTheOtherSite() {
        site.stop(0);
    }

    /** Every unsafe method of every route under the prefix, as the hub maps them. */
    private List<Route> unsafeRoutes(String prefix) {
        TreeSet<Route> routes = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            Set<String> consumes = new TreeSet<>();
            info.getConsumesCondition().getConsumableMediaTypes().forEach(t -> consumes.add(t.toString()));
            for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith(prefix)) {
                    continue;
                }
                for (String method : methods.isEmpty() ? UNSAFE : methods.stream().map(Enum::name).toList()) {
                    if (UNSAFE.contains(method)) {
                        routes.add(new Route(method, pattern, consumes));
                    }
                }
            }
        });
        return new ArrayList<>(routes);
    }

    private long aConversation(String marker) {
        String email = "cross-site-" + marker + "@example.com";
        assertThat(hub.postForm("contact", HubClient.fields("email", email, "message", "hello")).statusCode())
                .isEqualTo(202);
        return await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForList("""
                select c.id from conversation c join contact_point p on p.customer_id = c.customer_id
                 where p.value = ?""", Long.class, email), l -> l.size() == 1).get(0);
    }

    private String adminToken() {
        return hub.read(hub.postJsonAsAdmin("/api/v1/tokens", Map.of("username", HubClient.ADMIN, "name",
                "cross-site-" + UUID.randomUUID())).body()).path("token").asText();
    }

    private static String basicAdmin() {
        return "Basic " + Base64.getEncoder().encodeToString((HubClient.ADMIN + ":" + HubClient.ADMIN_PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void everyUnsafeApiRouteRefusesWhatABrowserMarksAsComingFromAnotherSite() {
        List<Route> routes = unsafeRoutes("/api/");
        assertThat(routes).extracting(r -> r.method() + " " + r.pattern()).contains(
                "POST /api/v1/conversations/{id}/replies", "POST /api/v1/integrations/deliveries/{id}/replay",
                "POST /api/v1/tasks/{id}/done", "POST /api/v1/customer-merges/{mergeId}/undo",
                "POST /api/v1/integrations/customers/import", "DELETE /api/v1/tokens/{id}",
                "PUT /api/v1/conversations/{id}/tags", "PATCH /api/v1/conversations/{id}");
        String marker = UUID.randomUUID().toString().substring(0, 8);
        long conversation = aConversation(marker);
        String token = adminToken();
        List<Map<String, String>> crossSiteShapes = List.of(
                Map.of("Sec-Fetch-Site", "cross-site", "Origin", SITE),
                Map.of("Sec-Fetch-Site", "same-site", "Origin", "http://other.localhost:8080"),
                Map.of("Origin", "https://evil.example"), // an older browser: no Sec-Fetch-Site
                Map.of("Origin", "null")); // a sandboxed frame or a data: page
        for (Route route : routes) {
            for (String credentials : List.of(basicAdmin(), "Bearer " + token)) {
                for (Map<String, String> shape : crossSiteShapes) {
                    HttpRequest.Builder request = HttpRequest.newBuilder(hub.uri(route.path(conversation)))
                            .header("Authorization", credentials)
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .method(route.method(), HttpRequest.BodyPublishers.ofString("text=" + marker));
                    shape.forEach(request::header);
                    HttpResponse<String> answer = hub.send(request);
                    assertThat(answer.statusCode()).as(route + " " + shape).isEqualTo(403);
                    assertThat(answer.body()).as(route + " " + shape).contains(REFUSAL);
                }
            }
        }
        // the same request from the hub's own pages (same-origin) or a client that is no browser goes through
        HttpResponse<String> sameOrigin = hub.send(HttpRequest.newBuilder(hub.uri("/api/v1/conversations/"
                + conversation + "/notes")).header("Authorization", basicAdmin()).header("Sec-Fetch-Site", "same-origin")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"same-origin note " + marker + "\"}")));
        assertThat(sameOrigin.statusCode()).isEqualTo(201);
        assertThat(jdbc.queryForList("select body_text from interaction where conversation_id = ? order by id",
                String.class, conversation)).containsExactly("hello", "same-origin note " + marker);
        assertThat(jdbc.queryForObject("select status from conversation where id = ?", String.class, conversation))
                .isEqualTo("OPEN");
    }

    @Test
    void aPageOnAnotherSiteCannotUseTheBrowsersSavedCredentialsOrSession() {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        long conversation = aConversation(marker);
        // the browser has sent Basic credentials to the API once (they are kept for the rest of the session)...
        browser.get(hub.uri("/api/v1/agents/" + HubClient.ADMIN).toString()
                .replace("http://", "http://" + HubClient.ADMIN + ":" + HubClient.ADMIN_PASSWORD + "@"));
        // (a browser is answered in XML, which it asks for before JSON)
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "presence"));
        browser.get(hub.uri("/api/v1/conversations/" + conversation).toString());
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "customerId"));
        // ...and holds a console session
        ConsoleBrowser.signIn(browser, hub);

        List<Route> posts = new ArrayList<>();
        unsafeRoutes("/api/").stream().filter(r -> r.method().equals("POST")).forEach(posts::add);
        unsafeRoutes("/console/").stream().filter(r -> r.method().equals("POST")).forEach(posts::add);
        posts.add(new Route("POST", "/logout", Set.of()));
        assertThat(posts).hasSizeGreaterThan(30);
        for (Route route : posts) {
            String enctype = route.consumes().contains("multipart/form-data") ? "multipart/form-data"
                    : route.consumes().contains("text/plain") ? "text/plain" : "application/x-www-form-urlencoded";
            browser.get(SITE + "/form?marker=" + marker + "&enctype=" + enctype + "&action="
                    + java.net.URLEncoder.encode(hub.uri(route.path(conversation)).toString(), StandardCharsets.UTF_8));
            wait.until(d -> d.getCurrentUrl().startsWith(hub.uri("/").toString()));
            wait.until(d -> ((JavascriptExecutor) d).executeScript("return document.readyState").equals("complete"));
            String shown = browser.findElement(By.tagName("body")).getText();
            if (route.pattern().startsWith("/api/")) {
                // the saved Basic credentials were sent (else 401): refused for coming from another site
                assertThat(shown).as(route.toString()).contains(REFUSAL);
            } else {
                // the session cookie is SameSite=Lax, so the post arrives without it and fails the CSRF check
                // (refused without starting a session, which would replace the browser's): the browser is sent
                // on to the sign-in page, which — signed in as it still is — sends it on to the inbox
                String at = browser.getCurrentUrl();
                assertThat(at).as(route.toString()).satisfiesAnyOf(
                        url -> assertThat(url).endsWith("/console/inbox"),
                        url -> assertThat(url).contains("/login"));
            }
        }
        // PUT, PATCH and DELETE need the API's consent to be sent from another site (a CORS preflight): never given
        for (Route route : unsafeRoutes("/api/").stream().filter(r -> !r.method().equals("POST")).toList()) {
            browser.get(SITE + "/");
            Object outcome = ((JavascriptExecutor) browser).executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    fetch(arguments[0], {method: arguments[1], credentials: 'include',
                        headers: {'Content-Type': 'application/json'}, body: '{"tags":["x"],"status":"RESOLVED"}'})
                      .then(r => done('answered ' + r.status), e => done('blocked: ' + e.name));""",
                    hub.uri(route.path(conversation)).toString(), route.method());
            assertThat(outcome).as(route.toString()).isEqualTo("blocked: TypeError");
        }

        // nothing happened: no reply, no note, no status change; still signed in to the console
        assertThat(jdbc.queryForList("select body_text from interaction where conversation_id = ?", String.class,
                conversation)).containsExactly("hello");
        assertThat(jdbc.queryForObject("select status from conversation where id = ?", String.class, conversation))
                .isEqualTo("OPEN");
        browser.get(hub.uri("/console/inbox").toString());
        wait.until(ExpectedConditions.textToBe(By.id("live-state"), "live"));
    }
}
