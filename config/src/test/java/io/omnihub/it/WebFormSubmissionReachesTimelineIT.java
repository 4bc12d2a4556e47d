package io.omnihub.it;

import static io.omnihub.it.HubClient.fields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A form post travels the whole way: HTTP, the bus, correlation, the store, and shows on the
 * customer's timeline through the API. Later posts from the same person, however they type their
 * address, land on the same customer.
 */
@WithRunningHub
class WebFormSubmissionReachesTimelineIT {

    @Autowired
    HubClient hub;

    private String uniqueEmail() {
        return "ana." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    private JsonNode awaitCustomer(String contact) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> {
            HttpResponse<String> r = hub.get("/api/v1/customers?contact=" + java.net.URLEncoder.encode(contact,
                    StandardCharsets.UTF_8), HubClient.ADMIN, HubClient.ADMIN_PASSWORD);
            return r.statusCode() == 200 ? hub.read(r.body()) : null;
        }, java.util.Objects::nonNull);
    }

    private JsonNode awaitTimeline(long customerId, int size) {
        return await().atMost(Duration.ofSeconds(10)).until(
                () -> hub.getJson("/api/v1/customers/" + customerId + "/timeline"),
                t -> t.get("items").size() == size);
    }

    @Test
    void postAppearsOnTheCustomersTimelineWithEverythingItCarried() {
        String email = uniqueEmail();
        HttpResponse<String> response = hub.postForm("contact", fields("name", "Ana López", "email", email,
                "subject", "Order 17", "message", "Where is my parcel?", "orderNumber", "A-17"));

        assertThat(response.statusCode()).isEqualTo(202);
        String trackingId = hub.read(response.body()).get("trackingId").asText();

        JsonNode customer = awaitCustomer(email);
        assertThat(customer.get("displayName").asText()).isEqualTo("Ana López");
        JsonNode item = awaitTimeline(customer.get("id").asLong(), 1).get("items").get(0);
        assertThat(item.get("externalId").asText()).isEqualTo(trackingId);
        assertThat(item.get("channel").asText()).isEqualTo("webform");
        assertThat(item.get("kind").asText()).isEqualTo("FORM_SUBMISSION");
        assertThat(item.get("subject").asText()).isEqualTo("Order 17");
        assertThat(item.get("text").asText()).isEqualTo("Where is my parcel?");
        assertThat(item.at("/metadata/fields/orderNumber").asText()).isEqualTo("A-17");

        JsonNode conversation = hub.getJson("/api/v1/conversations/" + item.get("conversationId").asLong());
        assertThat(conversation.at("/conversation/status").asText()).isEqualTo("OPEN");
        assertThat(conversation.at("/conversation/inbox").asText()).isEqualTo("contact");
        assertThat(conversation.get("interactions")).hasSize(1);
    }

    @Test
    void secondPostWithTheEmailInOtherCaseAndSpacingLandsOnTheSameCustomer() {
        String email = uniqueEmail();
        hub.postForm("contact", fields("email", email, "message", "first"));
        long customerId = awaitCustomer(email).get("id").asLong();

        hub.postForm("contact", fields("email", "  " + email.toUpperCase() + " ", "message", "second"));

        JsonNode timeline = awaitTimeline(customerId, 2);
        assertThat(timeline.get("items").get(0).get("text").asText()).isEqualTo("second");
        assertThat(timeline.get("items").get(1).get("text").asText()).isEqualTo("first");
        assertThat(awaitCustomer(email.toUpperCase()).get("id").asLong()).isEqualTo(customerId);
    }

    @Test
    void phoneInNationalFormatMatchesTheSameCustomerAsItsE164Form() {
        String number = "415555" + String.format("%04d", (int) (Math.random() * 10_000));
        String e164 = "+1" + number;
        hub.postForm("contact", fields("phone", e164, "message", "by phone"));
        long customerId = awaitCustomer(e164).get("id").asLong();

        String national = "(" + number.substring(0, 3) + ") " + number.substring(3, 6) + "-" + number.substring(6);
        hub.postForm("contact", fields("phone", national, "message", "again, typed nationally"));

        awaitTimeline(customerId, 2);
        assertThat(awaitCustomer(national).get("id").asLong()).isEqualTo(customerId);
        assertThat(awaitCustomer(number.substring(0, 3) + "." + number.substring(3, 6) + "." + number.substring(6))
                .get("contactPoints").get(0).get("value").asText()).isEqualTo(e164);
    }

    @Test
    void jsonAndMultipartPostsWithAFileAreRecordedWithTheFile() {
        String email = uniqueEmail();
        byte[] file = "invoice line 1\ninvoice line 2\n".getBytes(StandardCharsets.UTF_8);
        HubClient.Multipart form = new HubClient.Multipart()
                .field("email", email).field("message", "see attached")
                .file("attachment", "invoice.txt", "text/plain", file);
        assertThat(hub.post("/channels/webform/contact", form.contentType(), form.bytes()).statusCode()).isEqualTo(202);
        assertThat(hub.post("/channels/webform/contact", "application/json",
                ("{\"email\":\"" + email + "\",\"message\":\"json post\"}").getBytes(StandardCharsets.UTF_8))
                .statusCode()).isEqualTo(202);

        long customerId = awaitCustomer(email).get("id").asLong();
        JsonNode items = awaitTimeline(customerId, 2).get("items");
        JsonNode withFile = items.get(0).get("attachments").isEmpty() ? items.get(1) : items.get(0);
        JsonNode attachment = withFile.get("attachments").get(0);
        assertThat(attachment.get("fileName").asText()).isEqualTo("invoice.txt");
        assertThat(attachment.get("sizeBytes").asLong()).isEqualTo(file.length);

        HttpResponse<String> download = hub.get(attachment.get("href").asText(), HubClient.ADMIN,
                HubClient.ADMIN_PASSWORD);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(new String(file, StandardCharsets.UTF_8));
        assertThat(download.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                v -> assertThat(v).startsWith("attachment"));
    }

    @Test
    void timelinePagesWithTheCursorUntilTheEnd() {
        String email = uniqueEmail();
        for (int i = 0; i < 5; i++) {
            hub.postForm("contact", fields("email", email, "message", "message " + i));
        }
        long customerId = awaitCustomer(email).get("id").asLong();
        awaitTimeline(customerId, 5);

        java.util.List<String> seen = new java.util.ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = hub.getJson("/api/v1/customers/" + customerId + "/timeline?limit=2"
                    + (cursor == null ? "" : "&cursor=" + cursor));
            page.get("items").forEach(i -> seen.add(i.get("text").asText()));
            cursor = page.get("next").isNull() ? null : page.get("next").asText();
        } while (cursor != null);

        assertThat(seen).hasSize(5).doesNotHaveDuplicates().allMatch(t -> t.startsWith("message "));
    }
}
