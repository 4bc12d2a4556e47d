package io.omnihub.it;

import static io.omnihub.it.IntegrationDeliveryIT.expectedSignature;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Business events from ERP/SCM, signed the Standard Webhooks way (signatures computed here): each
 * lands on the right customer's timeline beside their messages, found by ERP number or email; an
 * unknown customer number is answered and kept, not dropped; a duplicate changes nothing; a bad
 * event is refused alone; unsigned, stale or unauthenticated posts are refused whole.
 */
@WithRunningHub
class BusinessEventsIT {

    static final String SECRET = "whsec_aXQtYnVzaW5lc3MtZXZlbnRzLXNlY3JldC0wMTIzNDU=";

    @Autowired
    HubClient hub;
    @Autowired
    JdbcTemplate jdbc;

    private HttpResponse<String> post(String body, long timestamp, String secret, boolean authenticated)
            throws Exception {
        String id = "msg_" + UUID.randomUUID();
        List<String> headers = new ArrayList<>(List.of("webhook-id", id, "webhook-timestamp", String.valueOf(timestamp),
                "webhook-signature", expectedSignature(secret, id, String.valueOf(timestamp), body)));
        if (authenticated) {
            headers.addAll(List.of("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (HubClient.ADMIN + ":" + HubClient.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8))));
        }
        return hub.post("/api/v1/integrations/events", "application/json", body.getBytes(StandardCharsets.UTF_8),
                headers.toArray(String[]::new));
    }

    private HttpResponse<String> post(String body) throws Exception {
        return post(body, System.currentTimeMillis() / 1000, SECRET, true);
    }

    private long customerWithErpNumber(String email, String erpNumber) {
        assertThat(hub.postForm("contact", HubClient.fields("email", email, "message", "Where is my parcel?"))
                .statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "select count(*) from contact_point where value = ?", Long.class, email) == 1);
        long customer = jdbc.queryForObject("select customer_id from contact_point where value = ?", Long.class, email);
        // the ERP number as the master-data import would set it
        jdbc.update("update customer set erp_number = ? where id = ?", erpNumber, customer);
        return customer;
    }

    @Test
    void eventsLandOnTheRightTimelinesAndUnknownCustomersAreReportedAndKept() throws Exception {
        String u = UUID.randomUUID().toString().substring(0, 8);
        String email = "be-" + u + "@example.com";
        long customer = customerWithErpNumber(email, "C-" + u);
        String batch = """
                {"events": [
                  {"source": "sap-s4", "id": "SO-%1$s", "type": "order.placed", "occurredAt": "2026-11-20T09:00:00Z",
                   "customer": {"erpNumber": "C-%1$s"}, "reference": "SO-%1$s", "summary": "Order SO-%1$s placed",
                   "data": {"total": 129.90, "currency": "EUR"}},
                  {"source": "scm", "id": "SHP-%1$s", "type": "shipment.delayed", "occurredAt": "2026-11-24T16:30:00Z",
                   "customer": {"email": "%2$s"}, "reference": "DLV-%1$s",
                   "summary": "Shipment for SO-%1$s delayed to Friday"},
                  {"source": "sap-s4", "id": "INV-%1$s", "type": "invoice.issued", "occurredAt": "2026-11-21T09:00:00Z",
                   "customer": {"erpNumber": "NOBODY-%1$s"}, "summary": "Invoice for someone we do not know"},
                  {"source": "sap-s4", "id": "BAD-%1$s", "type": "Not A Type", "occurredAt": "2026-11-21T09:00:00Z",
                   "customer": {"erpNumber": "C-%1$s"}, "summary": "bad"}
                ]}""".formatted(u, email);
        HttpResponse<String> response = post(batch);
        assertThat(response.statusCode()).isEqualTo(202);
        JsonNode results = hub.read(response.body()).path("results");
        assertThat(results).hasSize(4);
        assertThat(results.get(0).path("status").asText()).isEqualTo("ACCEPTED");
        assertThat(results.get(1).path("status").asText()).isEqualTo("ACCEPTED");
        assertThat(results.get(2).path("status").asText()).isEqualTo("ACCEPTED");
        assertThat(results.get(3).path("status").asText()).isEqualTo("INVALID");
        assertThat(results.get(3).path("reason").asText()).contains("dotted lower case");

        // what became of each, asked afterwards
        JsonNode order = outcome("sap-s4", "SO-" + u);
        assertThat(order.path("status").asText()).isEqualTo("RECORDED");
        assertThat(order.path("customerId").asLong()).isEqualTo(customer);
        assertThat(outcome("scm", "SHP-" + u).path("status").asText()).isEqualTo("RECORDED");
        JsonNode nobody = outcome("sap-s4", "INV-" + u);
        assertThat(nobody.path("status").asText()).isEqualTo("UNKNOWN_CUSTOMER");
        assertThat(nobody.path("reason").asText()).isEqualTo("no customer with ERP number NOBODY-" + u);
        assertThat(hub.get("/api/v1/integrations/events/sap-s4/BAD-" + u, HubClient.ADMIN, HubClient.ADMIN_PASSWORD)
                .statusCode()).isEqualTo(404);

        JsonNode timeline = hub.getJson("/api/v1/customers/" + customer + "/timeline");
        List<String> kinds = new ArrayList<>();
        timeline.path("items").forEach(i -> kinds.add(i.path("kind").asText() + ":" + i.path("subject").asText()));
        // newest first: the delay (24 Nov) before the order (20 Nov)
        assertThat(kinds).containsSubsequence("BUSINESS_EVENT:shipment.delayed", "BUSINESS_EVENT:order.placed");
        assertThat(kinds).anyMatch(k -> k.startsWith("FORM_SUBMISSION"));
        assertThat(jdbc.queryForObject("select reason from business_event_unmatched where event_id = ?", String.class,
                "INV-" + u)).isEqualTo("no customer with ERP number NOBODY-" + u);

        // the ERP sends the same batch again: taken, recorded nothing new. A new event for the same
        // customer (by each of the ways the batch names them) after it proves the batch was handled
        JsonNode again = hub.read(post(batch).body()).path("results");
        assertThat(again.get(0).path("status").asText()).isEqualTo("ACCEPTED");
        post(("""
                {"events": [
                  {"source": "sap-s4", "id": "AFTER-%1$s", "type": "order.shipped", "occurredAt": "2026-11-26T09:00:00Z",
                   "customer": {"erpNumber": "C-%1$s"}, "summary": "after"},
                  {"source": "scm", "id": "AFTER-%1$s", "type": "shipment.delivered", "occurredAt": "2026-11-27T09:00:00Z",
                   "customer": {"email": "%2$s"}, "summary": "after"}]}""").formatted(u, email));
        assertThat(outcome("sap-s4", "AFTER-" + u).path("status").asText()).isEqualTo("RECORDED");
        assertThat(outcome("scm", "AFTER-" + u).path("status").asText()).isEqualTo("RECORDED");
        assertThat(jdbc.queryForObject("select count(*) from interaction where customer_id = ? and kind = "
                + "'BUSINESS_EVENT'", Long.class, customer)).isEqualTo(4);
    }

    @Autowired
    ErpStub erp;

    /** What became of a posted event, once the hub has recorded it. */
    private JsonNode outcome(String source, String id) {
        String path = "/api/v1/integrations/events/" + source + "/" + id;
        await().atMost(Duration.ofSeconds(60)).until(() -> hub.get(path, HubClient.ADMIN, HubClient.ADMIN_PASSWORD)
                .statusCode() == 200);
        return hub.getJson(path);
    }

    @Test
    void aReturnRequestGoesToEveryTargetKindAndItsAnswerLandsOnTheConversation() throws Exception {
        String u = UUID.randomUUID().toString().substring(0, 8);
        String email = "ret-" + u + "@example.com";
        long customer = customerWithErpNumber(email, "R-" + u);
        long conversation = jdbc.queryForObject("select conversation_id from interaction where customer_id = ? "
                + "and kind = 'FORM_SUBMISSION'", Long.class, customer);
        HttpResponse<String> raised = hub.postJsonAsAdmin("/api/v1/conversations/" + conversation
                + "/business-requests", java.util.Map.of("type", "RETURN", "reference", "SO-" + u,
                "note", "Arrived broken, \"glass\" cracked"));
        assertThat(raised.statusCode()).isEqualTo(202);
        String requestId = hub.read(raised.body()).path("requestId").asText();

        // REST: the configured template, with Basic credentials
        await().atMost(Duration.ofSeconds(10)).until(() -> erp.received("/rest/returns").stream()
                .anyMatch(r -> r.answered() == 200 && r.body().contains(requestId)));
        ErpStub.Received rest = erp.received("/rest/returns").stream().filter(r -> r.body().contains(requestId))
                .findFirst().orElseThrow();
        assertThat(hub.read(rest.body())).isEqualTo(hub.read("{\"requestId\": \"" + requestId + "\", \"kind\": "
                + "\"return.requested\", \"order\": \"SO-" + u + "\", \"customer\": \"R-" + u + "\", "
                + "\"reason\": \"Arrived broken, \\\"glass\\\" cracked\"}"));
        // webhook: the event itself
        await().atMost(Duration.ofSeconds(10)).until(() -> erp.received("/webhook").stream()
                .anyMatch(r -> r.answered() == 200 && r.body().contains(requestId)
                        && r.body().contains("BusinessRequestRaised")));
        // file: a line
        await().atMost(Duration.ofSeconds(10)).until(() -> IntegrationDeliveryIT.fileHas(
                java.nio.file.Path.of("target/it-drop"), requestId));

        // the ERP answers the request: onto the same conversation
        assertThat(hub.read(post("""
                {"source": "sap-s4", "id": "RMA-%s", "type": "return.authorised", "occurredAt": "2026-11-25T12:00:00Z",
                 "inReplyTo": "%s", "reference": "RMA-%s", "summary": "Return authorised, label sent"}"""
                .formatted(u, requestId, u)).body()).path("results").get(0).path("status").asText()).isEqualTo("ACCEPTED");
        JsonNode answer = outcome("sap-s4", "RMA-" + u);
        assertThat(answer.path("status").asText()).isEqualTo("RECORDED");
        assertThat(jdbc.queryForObject("select conversation_id from interaction where id = ?", Long.class,
                answer.path("interactionId").asLong())).isEqualTo(conversation);
        post("""
                {"source": "sap-s4", "id": "RMA-X-%s", "type": "return.authorised", "occurredAt": "2026-11-25T12:00:00Z",
                 "inReplyTo": "request-nobody", "summary": "?"}""".formatted(u));
        assertThat(outcome("sap-s4", "RMA-X-" + u).path("status").asText()).isEqualTo("UNKNOWN_REQUEST");
    }

    @Test
    void eventsPolledFromAFeedLandOnTheTimelineAndTheCursorMovesOn() {
        String u = UUID.randomUUID().toString().substring(0, 8);
        long customer = customerWithErpNumber("feed-" + u + "@example.com", "F-" + u);
        String event = """
                {"source": "scm", "id": "%s", "type": "%s", "occurredAt": "2026-11-2%sT08:00:00Z",
                 "customer": {"erpNumber": "F-%s"}, "summary": "%s"}""";
        erp.publish(event.formatted("DSP-" + u, "shipment.dispatched", "1", u, "Parcel dispatched"),
                "{\"id\": \"broken-" + u + "\"}",
                event.formatted("DLY-" + u, "shipment.delayed", "2", u, "Parcel delayed by a day"),
                event.formatted("DLV-" + u, "shipment.delivered", "3", u, "Parcel delivered"));
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject("select count(*) from interaction "
                + "where customer_id = ? and kind = 'BUSINESS_EVENT'", Long.class, customer) == 3);
        assertThat(jdbc.queryForList("select subject from interaction where customer_id = ? and kind = "
                + "'BUSINESS_EVENT' order by occurred_at", String.class, customer))
                .containsExactly("shipment.dispatched", "shipment.delayed", "shipment.delivered");
        // later polls ask for what comes after the last page read, not from the start
        await().atMost(Duration.ofSeconds(5)).until(() -> {
            List<String> queries = erp.feedQueries();
            return queries.get(queries.size() - 1).startsWith("after=");
        });
        String cursor = jdbc.queryForObject("select cursor from business_event_poll where name = 'scm'", String.class);
        assertThat(Integer.parseInt(cursor)).isGreaterThanOrEqualTo(4);
    }

    @Test
    void unsignedStaleAndAnonymousPostsAreRefusedWhole() throws Exception {
        String body = """
                {"source": "sap-s4", "id": "X-1", "type": "order.placed", "occurredAt": "2026-11-20T09:00:00Z",
                 "customer": {"erpNumber": "C-1"}, "summary": "x"}""";
        long now = System.currentTimeMillis() / 1000;
        String otherSecret = "whsec_" + Base64.getEncoder().encodeToString("not-the-configured-secret-000000"
                .getBytes(StandardCharsets.UTF_8));
        assertThat(post(body, now, otherSecret, true).statusCode()).isEqualTo(401);
        assertThat(post(body, now - 600, SECRET, true).statusCode()).isEqualTo(401);
        assertThat(post(body, now, SECRET, false).statusCode()).isEqualTo(401);
        assertThat(hub.post("/api/v1/integrations/events", "application/json", body.getBytes(StandardCharsets.UTF_8),
                "Authorization", "Basic " + Base64.getEncoder().encodeToString((HubClient.ADMIN + ":"
                        + HubClient.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8))).statusCode()).isEqualTo(401);
        assertThat(post("not json").statusCode()).isEqualTo(400);
        assertThat(jdbc.queryForObject("select count(*) from business_event_unmatched where event_id = 'X-1'",
                Long.class)).isZero();
    }
}
