package io.omnihub.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Health tells the database and the broker; metrics are for operators only; the API is described. */
@WithRunningHub
class OperationsEndpointsIT {

    @Autowired
    HubClient hub;

    @Test
    void healthIsPublicAndShowsDatabaseAndBrokerToOperators() {
        HttpResponse<String> anonymous = hub.get("/actuator/health", null, null);
        assertThat(anonymous.statusCode()).isEqualTo(200);
        assertThat(hub.read(anonymous.body()).has("components")).isFalse();

        JsonNode detailed = hub.getJson("/actuator/health");
        assertThat(detailed.at("/components/db/status").asText()).isEqualTo("UP");
        assertThat(detailed.at("/components/jms/status").asText()).isEqualTo("UP");
        assertThat(hub.get("/actuator/health/readiness", null, null).statusCode()).isEqualTo(200);
        // UP, or DEGRADED (still 200) exactly while a mailbox or an integration target is DOWN: the tests'
        // own targets refuse on purpose (a wrong SFTP host key), so the hub here is often DEGRADED
        String overall = detailed.get("status").asText();
        java.util.List<String> degraded = new java.util.ArrayList<>();
        detailed.path("components").fields().forEachRemaining(c -> {
            if (!c.getValue().path("status").asText().equals("UP")) {
                degraded.add(c.getKey() + "=" + c.getValue().path("status").asText());
            }
        });
        assertThat(degraded).allMatch(c -> c.equals("mailboxes=DEGRADED") || c.equals("integrations=DEGRADED"));
        assertThat(overall).isEqualTo(degraded.isEmpty() ? "UP" : "DEGRADED");
    }

    @Test
    void prometheusNeedsAnOperatorAndExposesHubMetrics() {
        assertThat(hub.get("/actuator/prometheus", null, null).statusCode()).isEqualTo(401);
        HttpResponse<String> scrape = hub.get("/actuator/prometheus", HubClient.ADMIN, HubClient.ADMIN_PASSWORD);
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.body()).contains("jvm_memory_used_bytes").contains("hikaricp_connections");
    }

    @Test
    void openApiDocumentDescribesTheApi() {
        JsonNode doc = hub.getJson("/api/v1/openapi.json");
        assertThat(doc.at("/info/title").asText()).isEqualTo("Omnihub API");
        assertThat(doc.get("paths").has("/api/v1/customers/{id}/timeline")).isTrue();
        assertThat(doc.at("/components/securitySchemes").has("token")).isTrue();
    }
}
