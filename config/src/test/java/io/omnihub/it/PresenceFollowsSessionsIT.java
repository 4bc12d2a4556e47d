package io.omnihub.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.catalina.Context;
import org.apache.catalina.Session;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;

/**
 * An agent's presence follows their console sessions: signing out, or the session expiring in the
 * servlet container, sets them OFFLINE unless another session of theirs is still open — and the chat
 * widget of their team's inbox says at once that nobody is online.
 */
@WithRunningHub
class PresenceFollowsSessionsIT {

    static final String PASSWORD = "presence-it-password";
    /** chat-away is worked by the team nobody-yet, which has no members outside this test. */
    static final String TEAM = "nobody-yet";

    @Autowired
    HubClient hub;
    @Autowired
    ServletWebServerApplicationContext server;

    private String presenceOf(String user) {
        return hub.getJson("/api/v1/agents/" + user).path("presence").asText();
    }

    private boolean widgetSaysOnline() {
        try (ChatVisitorClient visitor = ChatVisitorClient.connect(hub, "chat-away", "http://shop.test")) {
            return visitor.await("hello").path("online").asBoolean();
        }
    }

    private void goOnline(String user) {
        assertThat(hub.jsonAs(user, PASSWORD, "PUT", "/api/v1/me/presence", Map.of("status", "ONLINE")).statusCode())
                .isEqualTo(200);
        assertThat(presenceOf(user)).isEqualTo("ONLINE");
    }

    /** Expires a session as the container does when its idle time is up. */
    private void expire(String sessionId) throws Exception {
        Context context = (Context) ((TomcatWebServer) server.getWebServer()).getTomcat().getHost().findChildren()[0];
        Session session = context.getManager().findSession(sessionId);
        assertThat(session).as("the container's session " + sessionId).isNotNull();
        session.expire();
    }

    @Test
    void signingOutOrExpiringTheLastSessionSetsTheAgentOfflineForRoutingAndTheWidget() throws Exception {
        String agent = "presence-" + UUID.randomUUID().toString().substring(0, 6);
        hub.createUser(agent, PASSWORD, "AGENT");
        hub.postJsonAsAdmin("/api/v1/admin/teams", Map.of("key", TEAM, "name", "Nobody yet")); // 409 if it exists
        assertThat(hub.putJsonAsAdmin("/api/v1/admin/teams/" + TEAM + "/members",
                Map.of("usernames", List.of(agent))).statusCode()).isEqualTo(200);
        try {
            // two sessions (two browsers): signing out of one keeps them online
            ConsoleSession desk = ConsoleSession.signIn(hub, agent, PASSWORD);
            ConsoleSession laptop = ConsoleSession.signIn(hub, agent, PASSWORD);
            goOnline(agent);
            assertThat(widgetSaysOnline()).isTrue();
            assertThat(desk.signOut().headers().firstValue("Location").orElse("")).endsWith("/login?signed-out");
            assertThat(desk.get("/console/inbox").headers().firstValue("Location").orElse("")).endsWith("/login");
            assertThat(presenceOf(agent)).isEqualTo("ONLINE");

            // the last one expires: offline, and the widget says so to the next visitor
            expire(laptop.sessionId());
            await().atMost(Duration.ofSeconds(10)).until(() -> presenceOf(agent).equals("OFFLINE"));
            assertThat(widgetSaysOnline()).isFalse();

            // online again in a new session, then signing out of it
            ConsoleSession again = ConsoleSession.signIn(hub, agent, PASSWORD);
            goOnline(agent);
            assertThat(widgetSaysOnline()).isTrue();
            again.signOut();
            assertThat(presenceOf(agent)).isEqualTo("OFFLINE");
            assertThat(widgetSaysOnline()).isFalse();
        } finally {
            hub.putJsonAsAdmin("/api/v1/admin/teams/" + TEAM + "/members", Map.of("usernames", List.of()));
        }
    }
}
