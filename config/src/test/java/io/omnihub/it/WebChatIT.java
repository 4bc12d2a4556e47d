package io.omnihub.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.omnihub.connectors.chat.TranscriptRequest;

import jakarta.mail.internet.MimeMessage;

/**
 * The web chat channel end to end, with a real WebSocket client in the widget's place: a visitor
 * chats and an agent answers (SENT when pushed, DELIVERED when the widget showed it), a reload
 * resumes the chat with its history, resends are kept once, the site's signed user ids link the
 * right customer and unsigned or forged ones are refused, uploads and every limit are enforced,
 * and a message left while nobody is online is answered by email, as is a transcript request.
 */
@WithRunningHub
class WebChatIT {

    static final String ORIGIN = "http://shop.test";
    static final String IDENTITY_SECRET = "it-chat-identity-secret-0123";

    @Autowired
    HubClient hub;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MailServer mail;
    @Autowired
    BusProbe bus;
    @Autowired
    ObjectMapper json;

    @BeforeEach
    void anAgentIsOnline() {
        assertThat(hub.putJsonAsAdmin("/api/v1/me/presence", Map.of("status", "ONLINE")).statusCode()).isEqualTo(200);
    }

    @Test
    void aVisitorChatsAnAgentAnswersAndAReloadResumesTheChatWithItsHistory() throws Exception {
        String email = "visitor-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        long conversation;
        String token;
        String replyId;
        try (ChatVisitorClient visitor = ChatVisitorClient.connect(hub, "chat", ORIGIN)) {
            JsonNode ready = visitor.start("Vera Visitor", email);
            token = ready.path("token").asText();
            assertThat(ready.path("history")).isEmpty();

            visitor.send(Map.of("type", "message", "id", "m1", "text", "Where is my parcel?"));
            visitor.await("ack", f -> f.path("id").asText().equals("m1"));
            // a resend (the widget did not see the ack) is acknowledged again and kept once
            visitor.send(Map.of("type", "message", "id", "m1", "text", "Where is my parcel?"));
            visitor.await("ack", f -> f.path("id").asText().equals("m1"));
            conversation = await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.queryForList("""
                    select c.id from conversation c join interaction i on i.conversation_id = c.id
                     where c.channel = 'chat' and i.body_text = 'Where is my parcel?'
                       and i.metadata ->> 'visitor' = ?""", Long.class,
                    visitorIdOf(ready)), ids -> ids.size() == 1).get(0);
            long chat = conversation;
            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> jdbc.queryForObject(
                    "select count(*) from interaction where conversation_id = ?", Integer.class, chat) == 1);
            // the customer has the browser's visitor id and the email given in the pre-chat form
            assertThat(jdbc.queryForList("""
                    select cp.type || ' ' || cp.value from contact_point cp join conversation c
                        on c.customer_id = cp.customer_id where c.id = ? order by cp.type""", String.class, conversation))
                    .containsExactly("CHAT_VISITOR " + visitorIdOf(ready), "EMAIL " + email);

            // an internal note never reaches the visitor; the agent's reply does, with the agent's name
            assertThat(hub.postJsonAsAdmin("/api/v1/conversations/" + conversation + "/notes",
                    Map.of("text", "internal: check the carrier")).statusCode()).isEqualTo(201);
            HttpResponse<String> reply = hub.postJsonAsAdmin("/api/v1/conversations/" + conversation + "/replies",
                    Map.of("text", "It arrives tomorrow."));
            assertThat(reply.statusCode()).isEqualTo(202);
            long replyInteraction = hub.read(reply.body()).path("interactionId").asLong();
            JsonNode line = visitor.await("message").path("line");
            assertThat(line.path("from").asText()).isEqualTo("agent");
            assertThat(line.path("text").asText()).isEqualTo("It arrives tomorrow.");
            assertThat(line.path("author").asText()).isEqualTo(jdbc.queryForObject(
                    "select coalesce(nullif(display_name, ''), username) from app_user where username = 'admin'",
                    String.class));
            replyId = line.path("id").asText();
            await().atMost(Duration.ofSeconds(10)).until(() -> status(replyInteraction), "SENT"::equals);
            visitor.send(Map.of("type", "seen", "id", replyId));
            await().atMost(Duration.ofSeconds(10)).until(() -> status(replyInteraction), "DELIVERED"::equals);
        }

        // a reload: the widget resumes with the token its browser kept and gets the chat so far
        try (ChatVisitorClient reloaded = ChatVisitorClient.connect(hub, "chat", ORIGIN)) {
            reloaded.await("hello");
            reloaded.send(Map.of("type", "resume", "token", token));
            JsonNode history = reloaded.await("ready").path("history");
            assertThat(history).extracting(l -> l.path("from").asText() + ":" + l.path("text").asText())
                    .containsExactly("visitor:Where is my parcel?", "agent:It arrives tomorrow.");
            assertThat(history.get(0).path("id").asText()).isEqualTo("m1");
            assertThat(history.get(1).path("id").asText()).isEqualTo(replyId);
            assertThat(history.toString()).doesNotContain("internal: check the carrier");

            // the transcript, on request, by email through the inbox's reply mailbox
            reloaded.send(Map.of("type", "transcript"));
            assertThat(reloaded.await("transcript").path("sent").asBoolean()).isTrue();
            MimeMessage transcript = await().atMost(Duration.ofSeconds(20)).until(() -> mail.receivedFor(email),
                    l -> !l.isEmpty()).get(0);
            assertThat(transcript.getSubject()).contains("Your chat transcript");
            assertThat(transcript.getFrom()[0].toString()).contains("support@hub.test");
            String body = textOf(transcript);
            assertThat(body).contains("You: Where is my parcel?").contains(": It arrives tomorrow.")
                    .doesNotContain("internal");

            // transcripts are mail to an address the visitor typed: a few per chat and hour, then refused
            reloaded.send(Map.of("type", "transcript"));
            assertThat(reloaded.await("transcript").path("sent").asBoolean()).isTrue();
            reloaded.send(Map.of("type", "transcript"));
            assertThat(reloaded.await("transcript").path("sent").asBoolean()).isTrue();
            reloaded.send(Map.of("type", "transcript"));
            JsonNode refused = reloaded.await("transcript");
            assertThat(refused.path("sent").asBoolean()).isFalse();
            assertThat(refused.path("message").asText()).contains("try again later");
        }
        // a form from the same person merges into the chat; the chat itself is never merged away
        assertThat(hub.postForm("contact", HubClient.fields("email", email, "message", "also by form")).statusCode())
                .isEqualTo(202);
        long form = await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.queryForList(
                "select conversation_id from interaction where body_text = 'also by form' and sender = ?", Long.class,
                email), l -> l.size() == 1).get(0);
        HttpResponse<String> chatAway = hub.postJsonAsAdmin("/api/v1/conversations/" + form + "/merge",
                Map.of("merge", conversation));
        assertThat(chatAway.statusCode()).isEqualTo(409);
        assertThat(chatAway.body()).contains("is a live chat");
        assertThat(hub.postJsonAsAdmin("/api/v1/conversations/" + conversation + "/merge", Map.of("merge", form))
                .statusCode()).isEqualTo(200);

        // each transcript is on the conversation's timeline, as an email to the visitor
        long chat = conversation;
        await().atMost(Duration.ofSeconds(20)).until(() -> transcriptsOf(chat, email) == 3);

        // a transcript request the bus delivers twice (a redelivery, a held item sent back) is written once
        String session = jdbc.queryForObject("select thread_key from conversation where id = ?", String.class, chat);
        String twice = json.writeValueAsString(new TranscriptRequest("chat", session, email,
                UUID.randomUUID().toString(), Instant.now()));
        bus.send("hub.transcripts", twice, Map.of());
        bus.send("hub.transcripts", twice, Map.of());
        await().atMost(Duration.ofSeconds(20)).until(() -> mail.receivedFor(email).size() == 4);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() -> transcriptsOf(chat, email) == 4);
        assertThat(mail.receivedFor(email)).hasSize(4);
        assertThat(bus.browse("hub.transcripts")).isEmpty();
        assertThat(bus.browse("hub.transcripts.dlq")).isEmpty();
    }

    private int transcriptsOf(long conversation, String email) {
        return jdbc.queryForObject("select count(*) from interaction where conversation_id = ? and channel = 'email' "
                + "and metadata ->> 'to' = ? and (metadata ->> 'transcript')::boolean", Integer.class, conversation,
                email);
    }

    @Test
    void theWidgetOffersATranscriptOnlyWhereOneCanBeSent() throws Exception {
        try (ChatVisitorClient withMailbox = ChatVisitorClient.connect(hub, "chat", ORIGIN)) {
            assertThat(withMailbox.await("hello").path("transcripts").asBoolean()).isTrue();
        }
        // chat-strict names no reply-mailbox: the widget shows no "Email transcript"
        try (ChatVisitorClient without = ChatVisitorClient.connect(hub, "chat-strict", ORIGIN)) {
            assertThat(without.await("hello").path("transcripts").asBoolean()).isFalse();
        }
        assertThat(hub.get("/channels/chat/widget.js", null, null).body())
                .contains("$('omh-transcript').hidden = !frame.transcripts;");
    }

    @Test
    void theWidgetScriptAndTheDemoPageAreServed() {
        var script = hub.get("/channels/chat/widget.js", null, null);
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Content-Type").orElse("")).startsWith("text/javascript");
        assertThat(script.body()).contains("attachShadow").contains("/socket");
        var demo = hub.get("/channels/chat/website-chat/demo", null, null);
        assertThat(demo.statusCode()).isEqualTo(200);
        assertThat(demo.body()).contains("<script src=\"/channels/chat/widget.js\" data-inbox=\"website-chat\" async>");
        assertThat(hub.get("/channels/chat/contact/demo", null, null).statusCode()).isEqualTo(404);
    }

    @Test
    void badInputIsAnsweredClearlyAndNothingOfItIsRecorded() {
        assertThatThrownBy(() -> ChatVisitorClient.connect(hub, "chat", "https://evil.example"))
                .rootCause().hasMessageContaining("403");
        assertThatThrownBy(() -> ChatVisitorClient.connect(hub, "no-such-chat", ORIGIN))
                .rootCause().hasMessageContaining("404");

        try (ChatVisitorClient visitor = ChatVisitorClient.connect(hub, "chat", ORIGIN)) {
            visitor.await("hello");
            visitor.send(Map.of("type", "message", "id", "early", "text", "hello?"));
            assertThat(visitor.await("error").path("message").asText()).contains("start or resume a chat first");
            visitor.sendRaw("not json");
            assertThat(visitor.await("error").path("message").asText()).contains("JSON");
            visitor.send(Map.of("type", "resume", "token", "forged.token"));
            assertThat(visitor.await("expired").path("message").asText()).contains("start again");
            visitor.send(Map.of("type", "start", "name", "Eve", "email", "not-an-address"));
            assertThat(visitor.await("error").path("message").asText()).contains("email address");
            visitor.send(Map.of("type", "start", "name", "Eve"));
            visitor.await("ready");

            String tooLong = "x".repeat(501);
            visitor.send(Map.of("type", "message", "id", "long", "text", tooLong));
            JsonNode error = visitor.await("error");
            assertThat(error.path("id").asText()).isEqualTo("long");
            assertThat(error.path("message").asText()).contains("longer than 500 characters");
            visitor.send(Map.of("type", "message", "id", "bad id!", "text", "hi"));
            assertThat(visitor.await("error").path("message").asText()).contains("id of 1 to 64");
            // typing signals, on and off, never cost the connection
            visitor.send(Map.of("type", "typing", "typing", true));
            visitor.send(Map.of("type", "typing", "typing", false));
            visitor.send(Map.of("type", "message", "id", "after-typing", "text", "still here"));
            visitor.await("ack", f -> f.path("id").asText().equals("after-typing"));
            visitor.send(Map.of("type", "wave"));
            assertThat(visitor.await("error").path("message").asText()).contains("unknown frame type 'wave'");
        }
        assertThat(jdbc.queryForObject("select count(*) from interaction where body_text = ?", Integer.class,
                "x".repeat(501))).isZero();
    }

    @Test
    void aSignedSiteUserIdLinksEveryChatOfThatUserToOneCustomerAndAnUnsignedOrForgedOneIsRefused() {
        String userId = "shop-user-" + UUID.randomUUID().toString().substring(0, 8);
        try (ChatVisitorClient forger = ChatVisitorClient.connect(hub, "chat", ORIGIN)) {
            forger.await("hello");
            forger.send(Map.of("type", "start", "name", "Mallory", "userId", userId));
            assertThat(forger.await("error").path("message").asText()).contains("not signed");
            forger.send(Map.of("type", "start", "name", "Mallory", "userId", userId,
                    "userHash", hmac("some-other-secret-0000", userId)));
            assertThat(forger.await("error").path("message").asText()).contains("signature is wrong");
        }
        long first = chatAsSignedUser(userId, "first device");
        long second = chatAsSignedUser(userId, "second device");
        // two browsers (two visitor ids), one customer: the one the site vouched for
        assertThat(customerOf(second)).isEqualTo(customerOf(first));
        assertThat(jdbc.queryForList("select value from contact_point where customer_id = ? and type = 'EXTERNAL'",
                String.class, customerOf(first))).containsExactly("chat:" + userId);
        assertThat(jdbc.queryForObject("select count(*) from contact_point where customer_id = ? and type = "
                + "'CHAT_VISITOR'", Integer.class, customerOf(first))).isEqualTo(2);
    }

    @Test
    void uploadsAreStoredWithinTheInboxLimitsAndRefusedBeyondThem() {
        String token;
        String visitorId;
        try (ChatVisitorClient visitor = ChatVisitorClient.connect(hub, "chat", ORIGIN)) {
            JsonNode ready = visitor.start("Ulla Upload", null);
            token = ready.path("token").asText();
            visitorId = visitorIdOf(ready);
        }
        byte[] png = new byte[2048];
        png[0] = (byte) 0x89;
        HttpResponse<String> accepted = upload(ORIGIN, token, "u1", "photo.png", "image/png", png);
        assertThat(accepted.statusCode()).isEqualTo(202);
        assertThat(accepted.headers().firstValue("Access-Control-Allow-Origin")).hasValue(ORIGIN);
        await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.queryForList("""
                select a.file_name from attachment a join interaction i on i.id = a.interaction_id
                 where i.metadata ->> 'visitor' = ?""", String.class, visitorId), l -> l.equals(List.of("photo.png")));

        HttpResponse<String> tooLarge = upload(ORIGIN, token, "u2", "big.png", "image/png", new byte[101 * 1024]);
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(tooLarge.body()).contains("larger than");
        assertThat(upload(ORIGIN, token, "u3", "run.exe", "application/x-msdownload", new byte[10]).statusCode())
                .isEqualTo(415);
        assertThat(upload("https://evil.example", token, "u4", "photo.png", "image/png", png).statusCode())
                .isEqualTo(403);
        assertThat(upload(ORIGIN, "forged.token", "u5", "photo.png", "image/png", png).statusCode()).isEqualTo(403);
        assertThat(jdbc.queryForObject("""
                select count(*) from attachment a join interaction i on i.id = a.interaction_id
                 where i.metadata ->> 'visitor' = ?""", Integer.class, visitorId)).isEqualTo(1);
    }

    @Test
    void messageRatesAndNewChatsPerAddressAreLimited() {
        try (ChatVisitorClient visitor = ChatVisitorClient.connect(hub, "chat", ORIGIN)) {
            visitor.start("Speedy", null);
            for (int i = 1; i <= 30; i++) {
                visitor.send(Map.of("type", "message", "id", "r" + i, "text", "message " + i));
                visitor.await("ack", f -> true);
            }
            visitor.send(Map.of("type", "message", "id", "r31", "text", "one too many"));
            JsonNode refused = visitor.await("error");
            assertThat(refused.path("id").asText()).isEqualTo("r31");
            assertThat(refused.path("message").asText()).contains("too fast");
        }
        // chat-strict: 3 new chats per address and hour, then a clear refusal
        for (int i = 0; i < 3; i++) {
            try (ChatVisitorClient visitor = ChatVisitorClient.connect(hub, "chat-strict", ORIGIN)) {
                visitor.start("Visitor " + i, null);
            }
        }
        try (ChatVisitorClient visitor = ChatVisitorClient.connect(hub, "chat-strict", ORIGIN)) {
            visitor.await("hello");
            visitor.send(Map.of("type", "start", "name", "One more"));
            assertThat(visitor.await("error").path("message").asText()).contains("too many new chats");
        }
    }

    @Test
    void whenNobodyIsOnlineAMessageLeftInTheChatIsAnsweredByEmail() throws Exception {
        String email = "offline-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String id = UUID.randomUUID().toString();
        try (ChatVisitorClient visitor = ChatVisitorClient.connect(hub, "chat-away", ORIGIN)) {
            // chat-away's team has no members online: the widget offers to leave a message
            assertThat(visitor.await("hello").path("online").asBoolean()).isFalse();
            visitor.send(Map.of("type", "leave-message", "id", id, "name", "Olga Offline", "email", email,
                    "text", "Please call me back about my invoice."));
            assertThat(visitor.await("left").path("message").asText()).contains(email);
        }
        long conversation = await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.queryForList(
                "select conversation_id from interaction where external_id = ?", Long.class, "offline:" + id),
                l -> l.size() == 1).get(0);
        HttpResponse<String> reply = hub.postJsonAsAdmin("/api/v1/conversations/" + conversation + "/replies",
                Map.of("text", "We will call you at 3 pm."));
        assertThat(reply.statusCode()).isEqualTo(202);
        MimeMessage answer = await().atMost(Duration.ofSeconds(20)).until(() -> mail.receivedFor(email),
                l -> !l.isEmpty()).get(0);
        assertThat(textOf(answer)).contains("We will call you at 3 pm.");
        assertThat(answer.getFrom()[0].toString()).contains("support@hub.test");
        assertThat(jdbc.queryForObject("select channel from interaction where id = ?", String.class,
                hub.read(reply.body()).path("interactionId").asLong())).isEqualTo("email");
    }

    /** The plain-text part of a mail (ours are text plus simple HTML). */
    static String textOf(MimeMessage message) throws Exception {
        Object content = message.getContent();
        if (content instanceof jakarta.mail.Multipart parts) {
            for (int i = 0; i < parts.getCount(); i++) {
                if (parts.getBodyPart(i).isMimeType("text/plain")) {
                    return String.valueOf(parts.getBodyPart(i).getContent());
                }
            }
        }
        return String.valueOf(content);
    }

    private long chatAsSignedUser(String userId, String text) {
        try (ChatVisitorClient visitor = ChatVisitorClient.connect(hub, "chat", ORIGIN)) {
            visitor.await("hello");
            visitor.send(Map.of("type", "start", "name", "Signed User", "userId", userId,
                    "userHash", hmac(IDENTITY_SECRET, userId)));
            JsonNode ready = visitor.await("ready");
            assertThat(ready.path("userId").asText()).isEqualTo(userId);
            visitor.send(Map.of("type", "message", "id", "s1", "text", text));
            visitor.await("ack");
            String session = sessionOf(ready);
            return await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.queryForList(
                    "select id from conversation where thread_key = ?", Long.class, session), l -> l.size() == 1).get(0);
        }
    }

    private HttpResponse<String> upload(String origin, String token, String id, String name, String type,
            byte[] content) {
        HubClient.Multipart form = new HubClient.Multipart().field("token", token).field("id", id)
                .file("file", name, type, content);
        return hub.post("/channels/chat/chat/uploads", form.contentType(), form.bytes(), "Origin", origin);
    }

    private String status(long interaction) {
        return jdbc.queryForObject("select delivery_status from interaction where id = ?", String.class, interaction);
    }

    private long customerOf(long conversation) {
        return jdbc.queryForObject("select customer_id from conversation where id = ?", Long.class, conversation);
    }

    /** The token's claims, read the way anyone can (they are signed, not secret). */
    private JsonNode claims(JsonNode ready) {
        String token = ready.path("token").asText();
        return hub.read(new String(java.util.Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))),
                StandardCharsets.UTF_8));
    }

    private String visitorIdOf(JsonNode ready) {
        return claims(ready).path("v").asText();
    }

    private String sessionOf(JsonNode ready) {
        return claims(ready).path("s").asText();
    }

    static String hmac(String secret, String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
