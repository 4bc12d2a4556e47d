package io.omnihub.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The live streams ({@code /api/v1/events} and the console's {@code /console/events}) follow the
 * inbox rule of pages and API: an agent outside a restricted inbox's team receives nothing about
 * its conversations or customers — no ConversationOpened, no tags, no assignee, no typing signal
 * of the agent or of the chat visitor (with the visitor's name) — while the team's member receives
 * all of it and both receive what is in open inboxes. Customer records follow the same rule.
 */
@WithRunningHub
class LiveStreamsFollowInboxRulesIT {

    static final String PASSWORD = "live-rules-it-password";
    static final String SHOP = "http://shop.test";

    @Autowired
    HubClient hub;
    @Autowired
    JdbcTemplate jdbc;

    private LiveStreamReader apiStream(String user) {
        HttpRequest request = HttpRequest.newBuilder(hub.uri("/api/v1/events"))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + PASSWORD).getBytes()))
                .header("Accept", "text/event-stream").GET().build();
        try {
            return new LiveStreamReader(HttpClient.newHttpClient().send(request,
                    HttpResponse.BodyHandlers.ofInputStream()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static LiveStreamReader consoleStream(ConsoleSession session) {
        HttpResponse<InputStream> response = session.send(HttpRequest.newBuilder(
                session.uri("/console/events")).header("Accept", "text/event-stream").GET(),
                HttpResponse.BodyHandlers.ofInputStream());
        return new LiveStreamReader(response);
    }

    private long conversationOf(String form, String email, String name) {
        assertThat(hub.postForm(form, HubClient.fields("email", email, "name", name, "message",
                "private matter of " + name)).statusCode()).isEqualTo(202);
        return await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForList("""
                select c.id from conversation c join contact_point p on p.customer_id = c.customer_id
                  join inbox i on i.id = c.inbox_id where p.value = ? and i.key = ?""", Long.class, email, form),
                l -> l.size() == 1).get(0);
    }

    @Test
    void anAgentOutsideARestrictedInboxReceivesNothingOfItOnEitherStream() {
        String run = UUID.randomUUID().toString().substring(0, 6);
        String member = "live-member-" + run;
        String outsider = "live-outsider-" + run;
        hub.createUser(member, PASSWORD, "AGENT");
        hub.createUser(outsider, PASSWORD, "AGENT");
        assertThat(hub.putJsonAsAdmin("/api/v1/admin/teams/vip-team/members", Map.of("usernames", List.of(member)))
                .statusCode()).isEqualTo(200);
        ConsoleSession memberConsole = ConsoleSession.signIn(hub, member, PASSWORD);
        ConsoleSession outsiderConsole = ConsoleSession.signIn(hub, outsider, PASSWORD);

        try (LiveStreamReader memberApi = apiStream(member);
                LiveStreamReader outsiderApi = apiStream(outsider);
                LiveStreamReader outsiderLive = consoleStream(outsiderConsole);
                ChatVisitorClient vipVisitor = ChatVisitorClient.connect(hub, "chat-vip", SHOP)) {
            // in the restricted inbox: a conversation, its tags, its assignee, the member typing in it
            String vipName = "Violetta Secret" + run;
            long vip = conversationOf("vip", "vip-live-" + run + "@example.com", vipName);
            long vipCustomer = jdbc.queryForObject("select customer_id from conversation where id = ?", Long.class,
                    vip);
            assertThat(hub.putJsonAsAdmin("/api/v1/conversations/" + vip + "/tags",
                    Map.of("tags", List.of("hush-" + run))).statusCode()).isEqualTo(200);
            assertThat(hub.postJsonAsAdmin("/api/v1/conversations/" + vip + "/assignment",
                    Map.of("assignee", member)).statusCode()).isEqualTo(200);
            assertThat(memberConsole.postForm("/console/conversations/" + vip,
                    "/console/conversations/" + vip + "/activity", Map.of("activity", "typing")).statusCode())
                    .isLessThan(300);
            // and a visitor of the restricted chat, typing before and after their first message
            String chatName = "Valentin Hidden" + run;
            vipVisitor.start(chatName, "vip-chat-" + run + "@example.com");
            vipVisitor.send(Map.of("type", "typing", "typing", true));

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(memberApi.has("ConversationOpened", e -> e.path("data").path("conversationId")
                        .asLong() == vip)).isTrue();
                assertThat(memberApi.has("ConversationTagged", e -> e.path("data").path("conversationId")
                        .asLong() == vip)).isTrue();
                assertThat(memberApi.has("AgentActivity", s -> s.path("conversationId").asLong() == vip)).isTrue();
                assertThat(memberApi.has("VisitorTyping", s -> s.path("name").asText().equals(chatName))).isTrue();
            });

            // then, in an open inbox, something both may see: once it has reached the outsider, whatever about
            // the restricted inbox came before it was decided for them too
            String openName = "Otto Open" + run;
            long open = conversationOf("contact", "open-live-" + run + "@example.com", openName);
            assertThat(memberConsole.postForm("/console/conversations/" + open,
                    "/console/conversations/" + open + "/activity", Map.of("activity", "typing")).statusCode())
                    .isLessThan(300);
            for (LiveStreamReader outsiderStream : List.of(outsiderApi, outsiderLive)) {
                await().atMost(Duration.ofSeconds(30)).until(() -> outsiderStream.has("ConversationOpened",
                        e -> e.path("data").path("conversationId").asLong() == open)
                        && outsiderStream.has("AgentActivity", s -> s.path("conversationId").asLong() == open));
                String everything = outsiderStream.everything();
                assertThat(outsiderStream.received()).noneMatch(r -> r.data().path("data").path("conversationId")
                        .asLong() == vip || r.data().path("conversationId").asLong() == vip
                        || r.data().path("customerId").asLong() == vipCustomer);
                assertThat(everything).doesNotContain(vipName).doesNotContain(chatName)
                        .doesNotContain("hush-" + run).doesNotContain("\"inbox\":\"vip\"")
                        .doesNotContain("chat-vip");
            }
            assertThat(memberApi.has("ConversationOpened", e -> e.path("data").path("conversationId").asLong()
                    == open)).isTrue();

            // the customer record: the member reads it, the outsider gets 403 (by id, timeline, contact point)
            assertThat(hub.get("/api/v1/customers/" + vipCustomer, member, PASSWORD).statusCode()).isEqualTo(200);
            for (String path : List.of("/api/v1/customers/" + vipCustomer,
                    "/api/v1/customers/" + vipCustomer + "/timeline",
                    "/api/v1/customers?contact=vip-live-" + run + "@example.com")) {
                HttpResponse<String> refused = hub.get(path, outsider, PASSWORD);
                assertThat(refused.statusCode()).as(path).isEqualTo(403);
                assertThat(refused.body()).as(path).contains("restricted inboxes").doesNotContain(vipName);
            }
        } finally {
            hub.putJsonAsAdmin("/api/v1/admin/teams/vip-team/members", Map.of("usernames", List.of()));
        }
    }
}
