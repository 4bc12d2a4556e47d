package io.omnihub.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The SAP S/4HANA kind against a stand-in speaking API_BUSINESS_PARTNER and API_SALES_ORDER_SRV: a
 * new customer becomes a business partner (CSRF token fetched with the session cookie, sent back
 * with the write) and SAP's number becomes their ERP number; an expired token is fetched again;
 * the console's order lookup goes through the bus, is cached, and says so when SAP is slow.
 */
@WithRunningHub
class SapS4IT {

    @Autowired
    HubClient hub;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ErpStub erp;

    @AfterEach
    void sapUp() {
        erp.sapMode(ErpStub.Mode.UP);
        erp.sapRefusesCredentials(false);
    }

    private long customer(String name, String email) {
        assertThat(hub.postForm("contact", HubClient.fields("name", name, "email", email, "message", "hi"))
                .statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "select count(*) from contact_point where value = ?", Long.class, email) == 1);
        return jdbc.queryForObject("select customer_id from contact_point where value = ?", Long.class, email);
    }

    private String erpNumber(long customer) {
        return jdbc.queryForObject("select erp_number from customer where id = ?", String.class, customer);
    }

    @Test
    void aNewCustomerBecomesABusinessPartnerAndGetsSapsNumber() throws Exception {
        String email = "jane-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        long customer = customer("Jane Sapling", email);
        await().atMost(Duration.ofSeconds(10)).until(() -> erpNumber(customer) != null);
        ErpStub.Received post = erp.received("/sap/opu/odata/sap/API_BUSINESS_PARTNER/A_BusinessPartner").stream()
                .filter(r -> r.body().contains(email)).findFirst().orElseThrow();
        assertThat(post.method()).isEqualTo("POST");
        assertThat(post.answered()).isEqualTo(201);
        assertThat(post.headers().get("x-csrf-token")).startsWith("csrf-");
        assertThat(post.headers().get("cookie")).contains("SAP_SESSIONID_S4H_100=session-");
        assertThat(post.headers().get("authorization")).startsWith("Basic ");
        JsonNode partner = hub.read(post.body());
        assertThat(partner.path("BusinessPartnerCategory").asText()).isEqualTo("1");
        assertThat(partner.path("FirstName").asText()).isEqualTo("Jane");
        assertThat(partner.path("LastName").asText()).isEqualTo("Sapling");
        assertThat(partner.path("to_BusinessPartnerAddress").path("results").get(0).path("to_EmailAddress")
                .path("results").get(0).path("EmailAddress").asText()).isEqualTo(email);
        assertThat(partner.path("to_BusinessPartnerAddress").path("results").get(0).path("Country").asText())
                .isEqualTo("US");
    }

    @Test
    void aNameLongerThanSapsFieldsIsSentWithinThemNotRefused() throws Exception {
        String email = "max-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        long customer = customer("Maximiliane Alexandra Friederike Wilhelmine von Hohenzollern-Sigmaringen Sapling",
                email);
        await().atMost(Duration.ofSeconds(10)).until(() -> erpNumber(customer) != null);
        ErpStub.Received post = erp.received("/sap/opu/odata/sap/API_BUSINESS_PARTNER/A_BusinessPartner").stream()
                .filter(r -> r.body().contains(email)).findFirst().orElseThrow();
        assertThat(post.answered()).isEqualTo(201);
        JsonNode partner = hub.read(post.body());
        assertThat(partner.path("FirstName").asText()).isEqualTo("Maximiliane");
        assertThat(partner.path("MiddleName").asText()).hasSizeLessThanOrEqualTo(40)
                .startsWith("Alexandra Friederike");
        assertThat(partner.path("LastName").asText()).isEqualTo("Sapling");
    }

    @Test
    void wrongCredentialsParkTheDeliveryAtOnceShowInHealthAndAReplayAfterTheFixDelivers() {
        erp.sapRefusesCredentials(true);
        String email = "locked-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        long customer = customer("Lotte Sapling", email);
        JsonNode parked = await().atMost(Duration.ofSeconds(15)).until(() -> {
            for (JsonNode d : hub.getJson("/api/v1/integrations/deliveries?target=sap&status=PARKED").path("items")) {
                if (d.path("customerId").asLong() == customer) {
                    return d;
                }
            }
            return null;
        }, java.util.Objects::nonNull);
        assertThat(parked.path("attempts").asInt()).isEqualTo(1);
        assertThat(parked.path("lastStatus").asInt()).isEqualTo(401);
        assertThat(parked.path("lastError").asText()).contains("refused the credentials of target 'sap'")
                .contains("omnihub.integrations.sap.auth");
        JsonNode health = hub.get("/actuator/health", HubClient.ADMIN, HubClient.ADMIN_PASSWORD).body()
                .transform(hub::read);
        assertThat(health.at("/components/integrations/status").asText()).isEqualTo("DEGRADED");
        assertThat(health.at("/components/integrations/details/sap/status").asText()).isEqualTo("DOWN");
        assertThat(health.at("/components/integrations/details/sap/lastError").asText()).contains("credentials");
        // the order lookup says why too
        long known = customer("Karl Known", "known-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com");
        jdbc.update("update customer set erp_number = ? where id = ?", "K-" + known, known);
        assertThat(hub.getJson("/api/v1/customers/" + known + "/orders").path("reason").asText())
                .contains("refused the credentials");

        erp.sapRefusesCredentials(false);
        assertThat(hub.postJsonAsAdmin("/api/v1/integrations/deliveries/" + parked.path("id").asLong() + "/replay",
                java.util.Map.of()).statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> erpNumber(customer) != null);
        await().atMost(Duration.ofSeconds(10)).until(() -> "UP".equals(hub.get("/actuator/health", HubClient.ADMIN,
                HubClient.ADMIN_PASSWORD).body().transform(hub::read).at("/components/integrations/details/sap/status")
                .asText()));
    }

    @Test
    void anExpiredCsrfTokenIsFetchedAgain() {
        String email = "max-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        erp.expireCsrfToken();
        long customer = customer("Max Sapling", email);
        await().atMost(Duration.ofSeconds(10)).until(() -> erpNumber(customer) != null);
        List<ErpStub.Received> writes = erp.received("/sap/opu/odata/sap/API_BUSINESS_PARTNER/A_BusinessPartner");
        // refused with "x-csrf-token: Required", a new token fetched, the same write accepted
        assertThat(writes.stream().filter(r -> r.body().contains(email)).map(ErpStub.Received::answered).toList())
                .containsExactly(403, 201);
    }

    @Test
    void theOrderLookupGoesThroughTheBusIsCachedAndSaysWhenSapIsSlow() {
        long known = customer("Olga Sapling", "olga-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com");
        await().atMost(Duration.ofSeconds(10)).until(() -> erpNumber(known) != null);
        JsonNode orders = hub.getJson("/api/v1/customers/" + known + "/orders");
        assertThat(orders.path("available").asBoolean()).isTrue();
        assertThat(orders.path("erpNumber").asText()).isEqualTo(erpNumber(known));
        assertThat(orders.path("orders")).extracting(o -> o.path("order").asText()).containsExactly("4711", "4702");
        assertThat(orders.path("cached").asBoolean()).isFalse();
        assertThat(hub.getJson("/api/v1/customers/" + known + "/orders").path("cached").asBoolean()).isTrue();

        long other = customer("Ole Sapling", "ole-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com");
        await().atMost(Duration.ofSeconds(10)).until(() -> erpNumber(other) != null);
        erp.sapMode(ErpStub.Mode.SLOW);
        // SAP takes 5 s; the console answers after its 1 s lookup timeout instead of waiting
        JsonNode slow = hub.getJson("/api/v1/customers/" + other + "/orders");
        assertThat(slow.path("available").asBoolean()).isFalse();
        assertThat(slow.path("reason").asText()).isEqualTo("the ERP did not answer within 1.0 s");

        long unknown = customer("Nobody In Particular", "nobody-" + UUID.randomUUID().toString().substring(0, 8)
                + "@example.com");
        assertThat(hub.getJson("/api/v1/customers/" + unknown + "/orders").path("reason").asText())
                .isEqualTo("the customer has no ERP number yet");
    }
}
