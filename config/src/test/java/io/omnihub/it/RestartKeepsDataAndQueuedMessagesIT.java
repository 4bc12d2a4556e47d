package io.omnihub.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.omnihub.OmnihubApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The embedded default keeps its data across restarts: customers and interactions recorded before
 * a restart are still there, and a submission that was durable on the bus but not yet recorded
 * when the hub stopped is recorded after it starts again. Nothing lost.
 */
class RestartKeepsDataAndQueuedMessagesIT {

    private static ConfigurableApplicationContext start(Path dataDir) {
        return new SpringApplicationBuilder(OmnihubApplication.class)
                .profiles("it")
                // command-line arguments, so they outrank the profile's own data-dir and port
                .run("--omnihub.data-dir=" + dataDir.toAbsolutePath(), "--server.port=0",
                        "--spring.artemis.embedded.server-id=7");
    }

    private static HttpResponse<String> send(ConfigurableApplicationContext hub, HttpRequest.Builder request)
            throws Exception {
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(ConfigurableApplicationContext hub, String path) {
        return URI.create("http://localhost:" + hub.getEnvironment().getProperty("local.server.port") + path);
    }

    private static HttpResponse<String> post(ConfigurableApplicationContext hub, String body) throws Exception {
        return send(hub, HttpRequest.newBuilder(uri(hub, "/channels/webform/contact"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static long interactions(ConfigurableApplicationContext hub) {
        // web-form interactions only: this profile's mailboxes may import mail other tests left on the mail server
        Long n = hub.getBean(JdbcTemplate.class).queryForObject(
                "select count(*) from interaction where channel = 'webform'", Long.class);
        return n == null ? 0 : n;
    }

    @Test
    void dataAndQueuedSubmissionsSurviveARestart() throws Exception {
        Path dataDir = Files.createTempDirectory(Path.of("target"), "restart-");

        ConfigurableApplicationContext first = start(dataDir);
        try {
            assertThat(post(first, "email=restart@example.com&message=before+restart").statusCode()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(10)).until(() -> interactions(first) == 1);

            // stop recording: the next submission is accepted and durable on the bus only
            first.getBean(CamelContext.class).getRouteController().stopRoute("interaction-correlate");
            assertThat(post(first, "email=RESTART@example.com&message=queued+at+shutdown").statusCode()).isEqualTo(202);
            assertThat(interactions(first)).isEqualTo(1);
        } finally {
            first.close();
        }

        ConfigurableApplicationContext second = start(dataDir);
        try {
            await().atMost(Duration.ofSeconds(15)).until(() -> interactions(second) == 2);
            HttpResponse<String> customer = send(second, HttpRequest.newBuilder(
                    uri(second, "/api/v1/customers?contact=restart@example.com"))
                    .header("Authorization", "Basic " + Base64.getEncoder()
                            .encodeToString((HubClient.ADMIN + ":" + HubClient.ADMIN_PASSWORD).getBytes())));
            assertThat(customer.statusCode()).isEqualTo(200);
            Long customers = second.getBean(JdbcTemplate.class).queryForObject(
                    "select count(distinct customer_id) from interaction where channel = 'webform'", Long.class);
            assertThat(customers).isEqualTo(1);
        } finally {
            second.close();
        }
    }
}
