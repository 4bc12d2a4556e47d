package io.omnihub.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The inbox filters the console and the API share: full-text search over texts and customer names
 * (PostgreSQL), exact addresses, mine / unassigned, and breaching SLA.
 */
@WithRunningHub
class ConversationFiltersIT {

    @Autowired
    HubClient hub;
    @Autowired
    JdbcTemplate jdbc;

    private long conversation(String form, String name, String email, String message) {
        hub.postForm(form, HubClient.fields("name", name, "email", email, "message", message));
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "select count(*) from contact_point where value = ?", Long.class, email) == 1);
        return jdbc.queryForObject("select c.id from conversation c join contact_point p on p.customer_id = "
                + "c.customer_id where p.value = ?", Long.class, email);
    }

    private List<Long> ids(String query) {
        JsonNode page = hub.getJson("/api/v1/conversations?limit=200&" + query);
        List<Long> ids = new ArrayList<>();
        page.path("items").forEach(c -> ids.add(c.path("id").asLong()));
        return ids;
    }

    @Test
    void searchFindsWordsNamesAndExactAddresses() {
        String u = UUID.randomUUID().toString().substring(0, 8);
        long parcel = conversation("contact", "Ingrid Q" + u, "search-" + u + "@example.com",
                "My parcel zebra" + u + " never arrived");
        long other = conversation("contact", "Someone Else", "other-" + u + "@example.com", "Invoice question");

        assertThat(ids("q=zebra" + u)).containsExactly(parcel);
        assertThat(ids("q=Q" + u)).containsExactly(parcel);                          // the customer's name
        assertThat(ids("q=SEARCH-" + u + "@example.com")).containsExactly(parcel);   // an address, any case
        assertThat(ids("q=nothing-matches-" + u)).isEmpty();
        assertThat(ids("q=zebra" + u + "%20OR%20Invoice")).contains(parcel, other);  // web-search syntax
    }

    @Test
    void mineUnassignedAndBreaching() {
        String u = UUID.randomUUID().toString().substring(0, 8);
        long mine = conversation("contact", "Mine", "mine-" + u + "@example.com", "assigned to the admin");
        long free = conversation("contact", "Free", "free-" + u + "@example.com", "nobody has it");
        long urgent = conversation("small", "Urgent", "urgent-" + u + "@example.com", "2 s SLA");
        // as an agent claiming it would (the claim action is not in the API yet)
        jdbc.update("update conversation set assignee_id = (select id from app_user where username = ?) where id = ?",
                HubClient.ADMIN, mine);

        assertThat(ids("assignee=me")).contains(mine).doesNotContain(free, urgent);
        assertThat(ids("unassigned=true")).contains(free, urgent).doesNotContain(mine);
        await().atMost(Duration.ofSeconds(10)).until(() -> ids("breaching=true").contains(urgent));
        assertThat(ids("breaching=true")).doesNotContain(mine, free);
        assertThat(hub.get("/api/v1/conversations?priority=someday", HubClient.ADMIN, HubClient.ADMIN_PASSWORD)
                .statusCode()).isEqualTo(400);
        assertThat(hub.get("/api/v1/conversations?assignee=nobody-" + u, HubClient.ADMIN, HubClient.ADMIN_PASSWORD)
                .statusCode()).isEqualTo(404);
    }
}
