package io.omnihub.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * SLA targets in the running hub (the business-hours arithmetic itself is BusinessCalendarTest):
 * a conversation on the small form gets 2 s / 4 s targets; nobody answers, so the near breach and
 * the breaches are announced on hub.events, each once, and the API shows it BREACHED; resolving a
 * conversation stops its clocks; a policy on a business calendar applies to the support mailbox.
 */
@WithRunningHub
class SlaIT {

    @Autowired
    HubClient hub;
    @Autowired
    JdbcTemplate jdbc;

    private long conversation(String email) {
        assertThat(hub.postForm("small", HubClient.fields("email", email, "message", "urgent")).statusCode())
                .isEqualTo(202);
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "select count(*) from contact_point where value = ?", Long.class, email) == 1);
        return jdbc.queryForObject("select c.id from conversation c join contact_point p on p.customer_id = "
                + "c.customer_id where p.value = ?", Long.class, email);
    }

    private List<String> slaEvents(long conversation) {
        return jdbc.queryForList("select event_type || ':' || (payload ->> 'target') from outbox where event_type in "
                + "('SlaNearBreach', 'SlaBreached') and (payload ->> 'conversationId')::bigint = ? order by id",
                String.class, conversation);
    }

    @Test
    void anUnansweredConversationIsAnnouncedNearBreachThenBreachedOnce() throws Exception {
        long conversation = conversation("sla-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com");
        Map<String, Object> targets = jdbc.queryForMap("select sla_policy, extract(epoch from first_response_due_at "
                + "- opened_at) as first_response, extract(epoch from resolution_due_at - opened_at) as resolution "
                + "from conversation where id = ?", conversation);
        assertThat(targets.get("sla_policy")).isEqualTo("small-form-urgent");
        assertThat(((Number) targets.get("first_response")).doubleValue()).isEqualTo(2.0);
        assertThat(((Number) targets.get("resolution")).doubleValue()).isEqualTo(4.0);

        await().atMost(Duration.ofSeconds(10)).until(() -> slaEvents(conversation).size() == 4);
        assertThat(slaEvents(conversation)).containsExactlyInAnyOrder("SlaNearBreach:FIRST_RESPONSE",
                "SlaBreached:FIRST_RESPONSE", "SlaNearBreach:RESOLUTION", "SlaBreached:RESOLUTION");
        assertThat(slaEvents(conversation).indexOf("SlaNearBreach:FIRST_RESPONSE"))
                .isLessThan(slaEvents(conversation).indexOf("SlaBreached:FIRST_RESPONSE"));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                .until(() -> slaEvents(conversation).size() == 4);

        JsonNode list = hub.getJson("/api/v1/conversations?limit=100");
        JsonNode mine = null;
        for (JsonNode c : list.path("items")) {
            if (c.path("id").asLong() == conversation) {
                mine = c;
            }
        }
        assertThat(mine).isNotNull();
        assertThat(mine.path("sla").path("state").asText()).isEqualTo("BREACHED");
        assertThat(mine.path("sla").path("policy").asText()).isEqualTo("small-form-urgent");
    }

    @Test
    void resolvingAConversationStopsItsClocks() throws Exception {
        long conversation = conversation("sla-ok-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com");
        assertThat(hub.patchJsonAsAdmin("/api/v1/conversations/" + conversation, Map.of("status", "RESOLVED"))
                .statusCode()).isEqualTo(200);
        // its targets (2 s, 4 s) pass meanwhile: no clock fires for a resolved conversation
        await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(10))
                .until(() -> slaEvents(conversation).isEmpty());
    }

    @Autowired
    MailServer mail;

    @Test
    void aPolicyOnABusinessCalendarAppliesToTheSupportMailbox() {
        String id = "sla-" + UUID.randomUUID() + "@example.com";
        mail.deliver("support", "From: sla-mail@example.com\r\nTo: support@hub.test\r\nSubject: Help\r\n"
                + "Message-ID: <" + id + ">\r\n\r\nPlease help\r\n");
        await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.queryForObject(
                "select count(*) from interaction where external_id = ?", Long.class, id) == 1);
        // 4 working hours on the Berlin office calendar: due on a weekday, within office hours, after opening
        Map<String, Object> due = jdbc.queryForMap("select c.sla_policy, extract(isodow from c.first_response_due_at "
                + "at time zone 'Europe/Berlin') as dow, (c.first_response_due_at at time zone 'Europe/Berlin')::time "
                + "as at, c.first_response_due_at > c.opened_at + interval '4 hours' - interval '1 second' as later "
                + "from conversation c join interaction i on i.conversation_id = c.id where i.external_id = ?", id);
        assertThat(due.get("sla_policy")).isEqualTo("support-office");
        assertThat(((Number) due.get("dow")).intValue()).isBetween(1, 5);
        assertThat(due.get("at").toString()).isBetween("09:00:00", "17:00:00");
        assertThat(due.get("later")).isEqualTo(true);
    }
}
