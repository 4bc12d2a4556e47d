package io.omnihub.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * ERP customer master data: a 100,000-line CSV import completes, creates and updates by ERP number,
 * links a customer by a phone they texted from, suggests a merge (never merges) where an ERP
 * record's address belongs to someone who only typed it into a form, and reports bad lines by
 * number while keeping the good ones. The JSON batch endpoint does the same for up to 1,000.
 */
@WithRunningHub
class CustomerMasterDataIT {

    @Autowired
    HubClient hub;
    @Autowired
    JdbcTemplate jdbc;

    private HttpResponse<String> importCsv(String csv) {
        return hub.post("/api/v1/integrations/customers/import?source=nightly", "text/csv",
                csv.getBytes(StandardCharsets.UTF_8), "Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (HubClient.ADMIN + ":" + HubClient.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)));
    }

    private long customerOf(String value) {
        return jdbc.queryForObject("select customer_id from contact_point where value = ?", Long.class, value);
    }

    @Test
    void aHundredThousandLineImportCompletesMatchesSuggestsAndReportsBadLines() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 6);
        // someone who texted us: their phone is proven theirs
        String texter = "+1503555" + String.format("01%02d", (int) (Math.random() * 100));
        String sid = "SM" + UUID.randomUUID().toString().replace("-", "");
        List<String[]> sms = TwilioSmsWebhookIT.inboundSms(sid, texter, "hi");
        hub.send(java.net.http.HttpRequest.newBuilder(hub.uri("/channels/twilio/sms"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Twilio-Signature", TwilioSmsWebhookIT.twilioSignature(TwilioSmsWebhookIT.TOKEN,
                        TwilioSmsWebhookIT.PUBLIC_URL, sms))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(TwilioSmsWebhookIT.form(sms))));
        // someone who only typed an address into a form
        String typed = "typed-" + run + "@example.com";
        hub.postForm("contact", HubClient.fields("email", typed, "message", "hello"));
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "select count(*) from contact_point where value in (?, ?)", Long.class, texter, typed) == 2);

        StringBuilder csv = new StringBuilder("erp_number,name,email,phone\n");
        for (int i = 1; i <= 100_000; i++) {
            csv.append(run).append('-').append(i).append(",\"Customer ").append(i).append(", Ltd\",c").append(i)
                    .append('-').append(run).append("@erp.example,\n");
        }
        csv.append(run).append("-texter,Texting Customer,,").append(texter).append('\n');       // line 100002
        csv.append(run).append("-typed,Typing Customer,").append(typed).append(",\n");         // line 100003
        csv.append(",No Number,nobody@example.com,\n");                                          // line 100004
        csv.append(run).append("-bad,Bad Mail,not-an-address,\n");                               // line 100005
        csv.append(run).append("-short,Too Few Fields\n");                                       // line 100006
        csv.append(run).append("-1,Repeated,,\n");                                               // line 100007

        HttpResponse<String> response = importCsv(csv.toString());
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode report = hub.read(response.body());
        assertThat(report.path("rows").asLong()).isEqualTo(100_006);
        assertThat(report.path("counts").path("CREATED").asLong()).isEqualTo(100_000);
        assertThat(report.path("counts").path("MATCHED").asLong()).isEqualTo(1);
        assertThat(report.path("counts").path("MERGE_SUGGESTED").asLong()).isEqualTo(1);
        assertThat(report.path("invalid").asLong()).isEqualTo(3);
        List<String> errors = new java.util.ArrayList<>();
        report.path("errors").forEach(e -> errors.add(e.path("line").asLong() + ": " + e.path("reason").asText()));
        assertThat(errors).containsExactly("100004: erp_number is empty",
                "100005: email 'not-an-address': not a valid e-mail address",
                "100006: 2 fields where the header has 4");
        assertThat(report.path("counts").path("UPDATED").asLong()).isEqualTo(1); // the repeated number, next chunk

        assertThat(jdbc.queryForObject("select count(*) from customer where erp_number like ?", Long.class,
                run + "-%")).isEqualTo(100_002);
        assertThat(jdbc.queryForObject("select erp_number from customer where id = ?", String.class,
                customerOf(texter))).isEqualTo(run + "-texter");
        // the typed address still belongs to its customer; the ERP customer is separate, a merge suggested
        long typist = customerOf(typed);
        long erpCustomer = jdbc.queryForObject("select id from customer where erp_number = ?", Long.class, run + "-typed");
        assertThat(typist).isNotEqualTo(erpCustomer);
        assertThat(hub.getJson("/api/v1/integrations/merge-suggestions").toString())
                .contains("\"customerId\":" + erpCustomer + ",\"otherCustomerId\":" + typist);
        assertThat(jdbc.queryForObject("select display_name from customer where erp_number = ?", String.class,
                run + "-42")).isEqualTo("Customer 42, Ltd");
        assertThat(customerOf("c42-" + run + "@erp.example")).isEqualTo(jdbc.queryForObject(
                "select id from customer where erp_number = ?", Long.class, run + "-42"));
    }

    /**
     * The file an outside review sent: 1,000 lines, an unclosed quote on line 500 and a quoted nickname
     * on line 701. Only line 500 is refused (by its number); nothing else is lost or merged.
     */
    @Test
    void strayQuotesCostOnlyTheirOwnLineAndNeverMixCustomers() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 6);
        StringBuilder csv = new StringBuilder("erp_number,name,email,phone\n");
        for (int n = 1; n < 1000; n++) {
            String number = "Q" + run + "-" + n;
            String email = "q" + n + "-" + run + "@erp.example";
            csv.append(switch (n) {
                case 499 -> number + ",\"Unclosed name," + email + ",";
                case 700 -> number + ",Name \"Nick\" Smith," + email + ",";
                default -> number + ",Customer " + n + "," + email + ",";
            }).append('\n');
        }
        HttpResponse<String> response = importCsv(csv.toString());
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode report = hub.read(response.body());
        assertThat(report.get("rows").asLong()).isEqualTo(999);
        assertThat(report.get("invalid").asLong()).isEqualTo(1);
        assertThat(report.at("/counts/CREATED").asLong()).isEqualTo(998);
        assertThat(report.get("errors")).hasSize(1);
        assertThat(report.at("/errors/0/line").asLong()).isEqualTo(500);
        assertThat(report.at("/errors/0/reason").asText()).contains("not closed");

        assertThat(jdbc.queryForObject("select count(*) from customer where erp_number like ?", Long.class,
                "Q" + run + "-%")).isEqualTo(998);
        assertThat(jdbc.queryForObject("select display_name from customer where erp_number = ?", String.class,
                "Q" + run + "-700")).isEqualTo("Name \"Nick\" Smith");
        assertThat(jdbc.queryForObject("select display_name from customer where erp_number = ?", String.class,
                "Q" + run + "-500")).isEqualTo("Customer 500");
        assertThat(jdbc.queryForObject("select max(length(display_name)) from customer where erp_number like ?",
                Integer.class, "Q" + run + "-%")).isLessThan(100);
        // every customer has exactly its own address
        assertThat(jdbc.queryForObject("""
                select count(*) from customer c join contact_point p on p.customer_id = c.id
                 where c.erp_number like ? and p.value <> 'q' || split_part(c.erp_number, '-', 2) || '-' || ?
                       || '@erp.example'""", Long.class, "Q" + run + "-%", run)).isZero();
    }

    @Test
    void theJsonBatchUpsertsByErpNumberAndListsInvalidRecords() {
        String run = UUID.randomUUID().toString().substring(0, 6);
        Map<String, Object> first = Map.of("customers", List.of(
                Map.of("erpNumber", run + "-A", "name", "Alpha", "emails", List.of("alpha-" + run + "@erp.example")),
                Map.of("erpNumber", run + "-B", "name", "Beta", "phones", List.of("not a phone"))));
        JsonNode created = hub.read(hub.postJsonAsAdmin("/api/v1/integrations/customers", first).body());
        assertThat(created.path("results").get(0).path("result").asText()).isEqualTo("CREATED");
        assertThat(created.path("invalid").get(0).path("line").asLong()).isEqualTo(2);
        assertThat(created.path("invalid").get(0).path("reason").asText()).startsWith("phone 'not a phone'");

        JsonNode updated = hub.read(hub.postJsonAsAdmin("/api/v1/integrations/customers", Map.of("customers", List.of(
                Map.of("erpNumber", run + "-A", "name", "Alpha GmbH")))).body());
        assertThat(updated.path("results").get(0).path("result").asText()).isEqualTo("UPDATED");
        assertThat(jdbc.queryForObject("select display_name from customer where erp_number = ?", String.class,
                run + "-A")).isEqualTo("Alpha GmbH");
    }
}
