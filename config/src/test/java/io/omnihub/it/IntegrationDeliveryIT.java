package io.omnihub.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Events out to the ERP/SCM stand-in (ErpStub): a signed webhook, verified here by an independent
 * HMAC-SHA256; a REST call built from the configured template behind OAuth2 client credentials; a
 * line in the day's file. A target that is down gets its events afterwards, in order, each once; a
 * 400 parks the event, visible through the API, and a replay delivers it once the target accepts;
 * a slow target does not hold back ingestion.
 */
@WithRunningHub
class IntegrationDeliveryIT {

    static final List<String> SECRETS = List.of("whsec_aXQtd2ViaG9vay1zZWNyZXQtbmV3LTAxMjM0NTY3ODk=",
            "whsec_aXQtd2ViaG9vay1zZWNyZXQtb2xkLTAxMjM0NTY3ODk=");

    @Autowired
    HubClient hub;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ErpStub erp;
    final ObjectMapper json = new ObjectMapper();

    @AfterEach
    void targetUp() {
        erp.mode(ErpStub.Mode.UP);
    }

    /** The Standard Webhooks signature, computed here: HMAC-SHA256 over "id.timestamp.body", Base64. */
    static String expectedSignature(String secret, String id, String timestamp, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        return "v1," + Base64.getEncoder().encodeToString(mac.doFinal((id + "." + timestamp + "." + body)
                .getBytes(StandardCharsets.UTF_8)));
    }

    private long newCustomer(String email) {
        assertThat(hub.postForm("contact", HubClient.fields("email", email, "message", "hello")).statusCode())
                .isEqualTo(202);
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "select count(*) from contact_point where value = ?", Long.class, email) == 1);
        return jdbc.queryForObject("select customer_id from contact_point where value = ?", Long.class, email);
    }

    /** The webhooks the stub accepted for a customer, as parsed envelopes, in the order received. */
    private List<JsonNode> acceptedWebhooks(long customer) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (ErpStub.Received r : erp.received("/webhook")) {
            JsonNode envelope = json.readTree(r.body());
            if (r.answered() == 200 && envelope.path("customerId").asLong() == customer) {
                out.add(envelope);
            }
        }
        return out;
    }

    private boolean about(ErpStub.Received request, long customer) {
        try {
            return json.readTree(request.body()).path("customerId").asLong() == customer;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static String email() {
        return "erp-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    @Test
    void aWebhookCarriesTheEventSignedWithBothSecretsAndItsIdAsIdempotencyKey() throws Exception {
        long customer = newCustomer(email());
        await().atMost(Duration.ofSeconds(10)).until(() -> acceptedWebhooks(customer).size() == 2);
        ErpStub.Received created = erp.received("/webhook").stream()
                .filter(r -> about(r, customer) && r.body().contains("\"CustomerCreated\""))
                .findFirst().orElseThrow();
        String id = created.headers().get("webhook-id");
        String timestamp = created.headers().get("webhook-timestamp");
        assertThat(id).isEqualTo(json.readTree(created.body()).path("eventId").asText())
                .isEqualTo(created.headers().get("idempotency-key"));
        assertThat(created.headers().get("webhook-signature").split(" ")).containsExactly(
                expectedSignature(SECRETS.get(0), id, timestamp, created.body()),
                expectedSignature(SECRETS.get(1), id, timestamp, created.body()));
        assertThat(Math.abs(System.currentTimeMillis() / 1000 - Long.parseLong(timestamp))).isLessThan(60);
        assertThat(acceptedWebhooks(customer)).extracting(e -> e.path("type").asText())
                .containsExactly("CustomerCreated", "InteractionRecorded");
    }

    @Test
    void aRestTargetGetsTheTemplatedRequestWithAnOauth2Token() throws Exception {
        long customer = newCustomer(email());
        await().atMost(Duration.ofSeconds(10)).until(() -> erp.received("/rest/customers/" + customer).stream()
                .anyMatch(r -> r.answered() == 200));
        ErpStub.Received put = erp.received("/rest/customers/" + customer).stream().filter(r -> r.answered() == 200)
                .findFirst().orElseThrow();
        assertThat(put.method()).isEqualTo("PUT");
        assertThat(put.headers().get("authorization")).startsWith("Bearer tok-");
        assertThat(put.headers().get("x-event-type")).isEqualTo("CustomerCreated");
        assertThat(json.readTree(put.body())).isEqualTo(json.readTree("{\"externalId\": \"" + customer
                + "\", \"event\": \"CustomerCreated\", \"firstChannel\": \"webform\"}"));
        assertThat(erp.tokensIssued()).isPositive();
    }

    @Test
    void aFileTargetGetsALinePerEventInTheDaysFile() throws Exception {
        long customer = newCustomer(email());
        Path drop = Path.of("target/it-drop");
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.isDirectory(drop) && linesFor(drop, customer) == 1);
    }

    /** Lines holding this run's CustomerCreated event of the customer (the directory outlives test runs). */
    private long linesFor(Path drop, long customer) throws Exception {
        String eventId = jdbc.queryForObject("select event_id::text from outbox where event_type = 'CustomerCreated' "
                + "and customer_id = ?", String.class, customer);
        long n = 0;
        try (var files = Files.list(drop)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".jsonl")).toList()) {
                for (String line : Files.readAllLines(file)) {
                    JsonNode event = json.readTree(line);
                    if (eventId.equals(event.path("eventId").asText())) {
                        n++;
                    }
                }
            }
        }
        return n;
    }

    @Test
    void aResolvedConversationReachesTheWebhookTheRestMappingAndTheFile() throws Exception {
        long customer = newCustomer(email());
        long conversation = jdbc.queryForObject("select id from conversation where customer_id = ?", Long.class,
                customer);
        java.net.http.HttpResponse<String> resolved = hub.patchJsonAsAdmin("/api/v1/conversations/" + conversation,
                Map.of("status", "RESOLVED"));
        assertThat(resolved.statusCode()).isEqualTo(200);
        assertThat(hub.read(resolved.body()).path("changed").asBoolean()).isTrue();

        await().atMost(Duration.ofSeconds(10)).until(() -> erp.received("/rest/cases/" + conversation + "/close")
                .stream().anyMatch(r -> r.answered() == 200));
        ErpStub.Received close = erp.received("/rest/cases/" + conversation + "/close").get(0);
        assertThat(close.method()).isEqualTo("POST");
        assertThat(close.headers().get("authorization")).isEqualTo("Bearer tok-static-it");
        assertThat(json.readTree(close.body())).isEqualTo(json.readTree("{\"conversation\": " + conversation
                + ", \"resolvedBy\": \"admin\", \"inbox\": \"contact\"}"));
        await().atMost(Duration.ofSeconds(10)).until(() -> acceptedWebhooks(customer).stream()
                .anyMatch(e -> e.path("type").asText().equals("ConversationResolved")
                        && e.path("data").path("conversationId").asLong() == conversation));
        String eventId = jdbc.queryForObject("select event_id::text from outbox where event_type = "
                + "'ConversationResolved' and customer_id = ?", String.class, customer);
        await().atMost(Duration.ofSeconds(10)).until(() -> fileHas(Path.of("target/it-drop"), eventId));
    }

    static boolean fileHas(Path drop, String text) throws Exception {
        if (!Files.isDirectory(drop)) {
            return false;
        }
        try (var files = Files.list(drop)) {
            for (Path file : files.toList()) {
                if (Files.readString(file).contains(text)) {
                    return true;
                }
            }
        }
        return false;
    }

    @Test
    void anSftpTargetAppendsCsvToTheDaysFileAndAnotherHostKeyIsRefused() throws Exception {
        long customer = newCustomer(email());
        String eventId = jdbc.queryForObject("select event_id::text from outbox where event_type = 'CustomerCreated' "
                + "and customer_id = ?", String.class, customer);
        Path exports = SftpServer.ROOT.resolve("exports/omnihub");
        // SFTP delivery polls, connects and verifies the host key: slow on a loaded machine
        await().atMost(Duration.ofSeconds(90)).until(() -> fileHas(exports, eventId));
        try (var files = Files.list(exports)) {
            Path file = files.filter(f -> f.getFileName().toString().endsWith(".csv")).findFirst().orElseThrow();
            List<String> lines = Files.readAllLines(file);
            assertThat(lines.get(0)).isEqualTo("sequence,eventId,type,occurredAt,customerId,data");
            assertThat(lines).anyMatch(l -> l.contains("\"" + eventId + "\",\"CustomerCreated\"")
                    && l.contains("," + customer + ","));
        }
        // the target expecting another host key never writes, and says why (this customer's event waits behind
        // every other test's customer, each refused the same way: awaited, not on a short clock)
        String impostorError = await().atMost(Duration.ofSeconds(90)).until(() -> jdbc.query(
                "select last_error from integration_delivery where target = 'impostor-sftp' and event_id = ? "
                        + "and last_error is not null", (rs, n) -> rs.getString(1), eventId).stream().findFirst()
                .orElse(null), java.util.Objects::nonNull);
        assertThat(impostorError).contains("cannot write sftp://127.0.0.1/exports/impostor")
                .contains("Server key did not validate");
        assertThat(hub.getJson("/api/v1/integrations/deliveries/" + jdbc.queryForObject(
                "select id from integration_delivery where target = 'impostor-sftp' and event_id = ?", Long.class,
                eventId)).path("status").asText()).isEqualTo("PENDING");
        assertThat(Files.exists(SftpServer.ROOT.resolve("exports/impostor"))).isFalse();
    }

    @Test
    void aTargetThatWasDownGetsEveryEventAfterwardsInOrderEachOnce() throws Exception {
        erp.mode(ErpStub.Mode.DOWN);
        String email = email();
        long customer = newCustomer(email);
        for (int i = 0; i < 3; i++) {
            assertThat(hub.postForm("contact", HubClient.fields("email", email, "message", "again " + i)).statusCode())
                    .isEqualTo(202);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "select count(*) from interaction where customer_id = ?", Long.class, customer) == 4);
        await().atMost(Duration.ofSeconds(10)).until(() -> erp.received("/webhook").stream()
                .filter(r -> r.answered() == 503 && about(r, customer)).count() >= 2);
        assertThat(acceptedWebhooks(customer)).isEmpty();

        erp.mode(ErpStub.Mode.UP);
        await().atMost(Duration.ofSeconds(15)).until(() -> acceptedWebhooks(customer).size() == 5);
        List<JsonNode> delivered = acceptedWebhooks(customer);
        List<Long> sequences = delivered.stream().map(e -> e.path("sequence").asLong()).toList();
        assertThat(sequences).isSorted().doesNotHaveDuplicates();
        assertThat(delivered.get(0).path("type").asText()).isEqualTo("CustomerCreated");
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                .until(() -> acceptedWebhooks(customer).size() == 5);
    }

    @Test
    void aRefusedEventIsParkedVisibleAndDeliveredWhenReplayed() throws Exception {
        erp.mode(ErpStub.Mode.REFUSING);
        long customer = newCustomer(email());
        await().atMost(Duration.ofSeconds(10)).until(() -> parked(customer).size() == 2);
        JsonNode first = parked(customer).get(0);
        assertThat(first.path("lastStatus").asInt()).isEqualTo(400);
        assertThat(first.path("lastError").asText()).contains("HTTP 400", "unknown field 'channel'");
        assertThat(first.path("event").path("customerId").asLong()).isEqualTo(customer);

        erp.mode(ErpStub.Mode.UP);
        JsonNode one = hub.read(hub.postJsonAsAdmin("/api/v1/integrations/deliveries/" + first.path("id").asLong()
                + "/replay", Map.of()).body());
        assertThat(one.path("replayed").asInt()).isEqualTo(1);
        JsonNode rest = hub.read(hub.postJsonAsAdmin("/api/v1/integrations/deliveries/replay",
                Map.of("target", "erp-webhook")).body());
        assertThat(rest.path("replayed").asInt()).isPositive();
        await().atMost(Duration.ofSeconds(10)).until(() -> acceptedWebhooks(customer).size() == 2);
        assertThat(parked(customer)).isEmpty();
        assertThat(hub.postJsonAsAdmin("/api/v1/integrations/deliveries/" + first.path("id").asLong() + "/replay",
                Map.of()).statusCode()).isEqualTo(409);
    }

    private List<JsonNode> parked(long customer) {
        JsonNode page = hub.getJson("/api/v1/integrations/deliveries?target=erp-webhook&status=PARKED&limit=200");
        List<JsonNode> mine = new ArrayList<>();
        page.path("items").forEach(d -> {
            if (d.path("customerId").asLong() == customer) {
                mine.add(d);
            }
        });
        mine.sort((a, b) -> Long.compare(a.path("eventSequence").asLong(), b.path("eventSequence").asLong()));
        return mine;
    }

    @Test
    void aSlowTargetDoesNotHoldBackIngestionOrOtherTargets() throws Exception {
        erp.mode(ErpStub.Mode.SLOW);
        List<String> emails = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String email = email();
            emails.add(email);
            assertThat(hub.postForm("contact", HubClient.fields("email", email, "message", "busy day")).statusCode())
                    .isEqualTo(202);
        }
        // recorded at the usual pace while every webhook takes 3 s (past the target's 2 s timeout)
        await().atMost(Duration.ofSeconds(5)).until(() -> emails.stream().allMatch(e -> jdbc.queryForObject(
                "select count(*) from contact_point where value = ?", Long.class, e) == 1));
        long customer = jdbc.queryForObject("select customer_id from contact_point where value = ?", Long.class,
                emails.get(0));
        Path drop = Path.of("target/it-drop");
        await().atMost(Duration.ofSeconds(5)).until(() -> Files.isDirectory(drop) && linesFor(drop, customer) == 1);
    }
}
