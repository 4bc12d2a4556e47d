package io.omnihub.connectors.chat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import org.springframework.web.socket.handler.TextWebSocketHandler;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.omnihub.connectors.bus.AddressNormalizer;
import io.omnihub.connectors.bus.BusUnavailableException;
import io.omnihub.connectors.bus.InboundPublisher;
import io.omnihub.connectors.bus.StatusPublisher;

/**
 * The widget's WebSocket, {@code /channels/chat/{inbox}/socket}: one JSON object per frame, each
 * with a {@code type}. The visitor starts a chat (pre-chat form) or resumes one with the signed
 * token their browser kept, then sends messages — each acknowledged only once it is durably on
 * the bus, so the widget resends what was never acknowledged — typing signals and read receipts,
 * asks for a transcript, or leaves a message when nobody is online. Everything refused gets an
 * {@code error} frame saying why; nothing refused reaches the bus.
 */
@Component
public class ChatSocketHandler extends TextWebSocketHandler {

    static final String INBOX = "omnihub.chat.inbox";
    static final String ADDRESS = "omnihub.chat.address";
    private static final String SOCKET = "omnihub.chat.socket";
    private static final String VISITOR = "omnihub.chat.visitor";
    private static final String LAST_TYPING = "omnihub.chat.typing";
    private static final int HISTORY = 200;
    private static final int MAX_NAME = 200;
    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final Duration HOUR = Duration.ofHours(1);
    /** Read receipts a widget may send per minute (a reconnect confirms its history at once). */
    private static final int RECEIPTS_PER_MINUTE = 600;
    /** Transcripts one chat may ask for per hour (each is an email to the address the visitor gave). */
    private static final int TRANSCRIPTS_PER_HOUR = 3;
    private static final Logger log = LoggerFactory.getLogger(ChatSocketHandler.class);

    private final ChatInboxes inboxes;
    private final ChatTokens tokens;
    private final InboundPublisher bus;
    private final StatusPublisher statuses;
    private final ChatDesk desk;
    private final ChatTranscripts transcripts;
    private final ChatSignals signals;
    private final ChatSessions sessions;
    private final AddressNormalizer addresses;
    private final ObjectMapper json;
    private final Clock clock;
    private final AbuseLimits limits;

    ChatSocketHandler(ChatInboxes inboxes, ChatTokens tokens, InboundPublisher bus, StatusPublisher statuses,
            ChatDesk desk, ChatTranscripts transcripts, ChatSignals signals, ChatSessions sessions, AddressNormalizer addresses, ObjectMapper json, Clock clock,
            AbuseLimits limits) {
        this.inboxes = inboxes;
        this.tokens = tokens;
        this.bus = bus;
        this.statuses = statuses;
        this.desk = desk;
        this.transcripts = transcripts;
        this.signals = signals;
        this.sessions = sessions;
        this.addresses = addresses;
        this.json = json;
        this.clock = clock;
        this.limits = limits;
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) {
        WebSocketSession socket = new ConcurrentWebSocketSessionDecorator(session, 5_000, 512 * 1024);
        session.getAttributes().put(SOCKET, socket);
        String inbox = inbox(session);
        ChatSettings chat = settings(inbox);
        Map<String, Object> hello = new LinkedHashMap<>();
        hello.put("type", "hello");
        hello.put("title", chat.title());
        hello.put("welcome", chat.welcome());
        hello.put("online", desk.agentsAvailable(inbox));
        // the widget offers "Email transcript" only where one can be sent (the inbox names a reply-mailbox)
        hello.put("transcripts", inboxes.sendsTranscripts(inbox));
        hello.put("maxMessageChars", chat.maxMessageChars());
        hello.put("maxUploadBytes", chat.maxUploadSize().toBytes());
        hello.put("uploadTypes", chat.uploadTypes());
        send(socket, hello);
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage frame) {
        WebSocketSession socket = (WebSocketSession) session.getAttributes().get(SOCKET);
        JsonNode message;
        try {
            message = json.readTree(frame.getPayload());
        } catch (JsonProcessingException e) {
            error(socket, null, "a frame must be one JSON object");
            return;
        }
        try {
            handle(session, socket, message);
        } catch (RuntimeException e) {
            // one bad frame must not cost the visitor their connection
            log.warn("chat frame of type '{}' failed", message.path("type").asText(), e);
            error(socket, message.path("id").asText(null), "the hub could not handle this; please try again");
        }
    }

    private void handle(WebSocketSession session, WebSocketSession socket, JsonNode message) {
        String inbox = inbox(session);
        ChatSettings chat = settings(inbox);
        switch (message.path("type").asText()) {
            case "start" -> start(session, socket, inbox, chat, message);
            case "resume" -> resume(session, socket, inbox, message);
            case "message" -> message(session, socket, chat, message);
            case "typing" -> typing(session, message);
            case "seen" -> seen(session, message);
            case "transcript" -> transcript(session, socket);
            case "leave-message" -> leaveMessage(session, socket, inbox, chat, message);
            default -> error(socket, null, "unknown frame type '" + message.path("type").asText()
                    + "' (start, resume, message, typing, seen, transcript, leave-message)");
        }
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        ChatVisitor visitor = (ChatVisitor) session.getAttributes().get(VISITOR);
        if (visitor != null) {
            sessions.leave(visitor.sessionId(), (WebSocketSession) session.getAttributes().get(SOCKET));
        }
    }

    /** The pre-chat form (or the site's signed user): a new chat for this browser's visitor id. */
    private void start(WebSocketSession session, WebSocketSession socket, String inbox, ChatSettings chat,
            JsonNode form) {
        String name = text(form, "name");
        if (name == null || name.length() > MAX_NAME) {
            error(socket, null, "your name is required (at most " + MAX_NAME + " characters)");
            return;
        }
        String email = text(form, "email");
        if (email != null) {
            try {
                email = addresses.email(email);
            } catch (IllegalArgumentException e) {
                error(socket, null, "the email address is " + e.getMessage());
                return;
            }
        }
        String userId = text(form, "userId");
        if (userId != null) {
            String refusal = SiteIdentity.refusal(chat, userId, text(form, "userHash"));
            if (refusal != null) {
                log.warn("chat {}: a visitor's user id was refused: {}", inbox, refusal);
                error(socket, null, refusal);
                return;
            }
        }
        if (!limits.allow("start:" + inbox + ":" + address(session), chat.conversationsPerHourPerIp(), HOUR)) {
            error(socket, null, "too many new chats from your network; please try again later");
            return;
        }
        ChatVisitor earlier = tokens.read(text(form, "token"));
        String visitorId = earlier != null && inbox.equals(earlier.inbox()) ? earlier.visitorId()
                : UUID.randomUUID().toString();
        ChatVisitor visitor = new ChatVisitor(inbox, visitorId, UUID.randomUUID().toString(), name, email, userId);
        join(session, socket, visitor);
    }

    private void resume(WebSocketSession session, WebSocketSession socket, String inbox, JsonNode frame) {
        ChatVisitor visitor = tokens.read(text(frame, "token"));
        if (visitor == null || !inbox.equals(visitor.inbox())) {
            send(socket, Map.of("type", "expired", "message", "this chat cannot be resumed; please start again"));
            return;
        }
        join(session, socket, visitor);
    }

    private void join(WebSocketSession session, WebSocketSession socket, ChatVisitor visitor) {
        ChatVisitor before = (ChatVisitor) session.getAttributes().put(VISITOR, visitor);
        if (before != null) {
            sessions.leave(before.sessionId(), socket);
        }
        sessions.join(visitor.sessionId(), socket);
        Map<String, Object> ready = new LinkedHashMap<>();
        ready.put("type", "ready");
        ready.put("token", tokens.sign(visitor));
        ready.put("name", visitor.name());
        ready.put("email", visitor.email());
        ready.put("userId", visitor.userId());
        ready.put("history", desk.history(visitor.inbox(), visitor.sessionId(), HISTORY));
        send(socket, ready);
    }

    private void message(WebSocketSession session, WebSocketSession socket, ChatSettings chat, JsonNode frame) {
        ChatVisitor visitor = visitor(session, socket);
        if (visitor == null) {
            return;
        }
        String id = frame.path("id").asText("");
        if (!ChatIntake.MESSAGE_ID.matcher(id).matches()) {
            error(socket, null, "a message needs an id of 1 to 64 letters, digits, '-' or '_'");
            return;
        }
        String text = text(frame, "text");
        if (text == null) {
            error(socket, id, "the message is empty");
            return;
        }
        if (text.length() > chat.maxMessageChars()) {
            error(socket, id, "the message is longer than " + chat.maxMessageChars() + " characters");
            return;
        }
        if (!withinRates(session, socket, chat, visitor, id)) {
            return;
        }
        try {
            bus.publish(ChatIntake.message(visitor, id, text, List.of(), clock.instant()));
        } catch (BusUnavailableException e) {
            send(socket, Map.of("type", "error", "id", id, "retry", true,
                    "message", "the message could not be taken just now; it will be sent again"));
            return;
        }
        send(socket, Map.of("type", "ack", "id", id));
    }

    private boolean withinRates(WebSocketSession session, WebSocketSession socket, ChatSettings chat, ChatVisitor visitor,
            String id) {
        if (!limits.allow("visitor:" + visitor.visitorId(), chat.messagesPerMinute(), MINUTE)
                || !limits.allow("ip:" + visitor.inbox() + ":" + address(session), chat.messagesPerMinutePerIp(),
                        MINUTE)) {
            error(socket, id, "you are sending messages too fast; please wait a moment");
            return false;
        }
        return true;
    }

    private void typing(WebSocketSession session, JsonNode frame) {
        ChatVisitor visitor = (ChatVisitor) session.getAttributes().get(VISITOR);
        if (visitor == null) {
            return;
        }
        long now = clock.millis();
        Long last = (Long) session.getAttributes().get(LAST_TYPING);
        boolean typing = frame.path("typing").asBoolean(true);
        if (typing && last != null && now - last < 2_000) {
            return;
        }
        if (typing) {
            session.getAttributes().put(LAST_TYPING, now);
        } else {
            session.getAttributes().remove(LAST_TYPING);
        }
        Map<String, Object> signal = new LinkedHashMap<>();
        signal.put("type", "VisitorTyping");
        signal.put("chatSession", visitor.sessionId());
        signal.put("inbox", visitor.inbox());
        signal.put("typing", typing);
        signal.put("name", visitor.name());
        signals.publish(signal);
    }

    private void seen(WebSocketSession session, JsonNode frame) {
        ChatVisitor visitor = (ChatVisitor) session.getAttributes().get(VISITOR);
        String line = frame.path("id").asText("");
        if (visitor == null || line.isEmpty() || line.length() > 100
                || !limits.allow("seen:" + visitor.visitorId(), RECEIPTS_PER_MINUTE, MINUTE)) {
            return;
        }
        try {
            statuses.publish(ChatIntake.receipt(visitor, line, clock.instant()));
        } catch (BusUnavailableException e) {
            log.debug("a chat read receipt was not recorded: {}", e.getMessage());
        }
    }

    private void transcript(WebSocketSession session, WebSocketSession socket) {
        ChatVisitor visitor = visitor(session, socket);
        if (visitor == null) {
            return;
        }
        if (!limits.allow("transcript:" + visitor.sessionId(), TRANSCRIPTS_PER_HOUR, HOUR)) {
            send(socket, Map.of("type", "transcript", "sent", false,
                    "message", "the transcript was sent a few times already; please try again later"));
            return;
        }
        if (visitor.email() == null) {
            send(socket, Map.of("type", "transcript", "sent", false,
                    "message", "we need your email address to send the transcript; start the chat with it"));
            return;
        }
        String refusal = transcripts.request(visitor);
        send(socket, refusal == null
                ? Map.of("type", "transcript", "sent", true, "message", "The transcript is on its way to " + visitor.email())
                : Map.of("type", "transcript", "sent", false, "message", refusal));
    }

    /** Nobody is online: the message opens a conversation that the team answers by email. */
    private void leaveMessage(WebSocketSession session, WebSocketSession socket, String inbox, ChatSettings chat,
            JsonNode form) {
        String id = form.path("id").asText("");
        String name = text(form, "name");
        String email = text(form, "email");
        String text = text(form, "text");
        if (!ChatIntake.MESSAGE_ID.matcher(id).matches() || name == null || name.length() > MAX_NAME || email == null
                || text == null) {
            error(socket, id, "your name, your email address and a message are required");
            return;
        }
        if (text.length() > chat.maxMessageChars()) {
            error(socket, id, "the message is longer than " + chat.maxMessageChars() + " characters");
            return;
        }
        try {
            email = addresses.email(email);
        } catch (IllegalArgumentException e) {
            error(socket, id, "the email address is " + e.getMessage());
            return;
        }
        if (!limits.allow("start:" + inbox + ":" + address(session), chat.conversationsPerHourPerIp(), HOUR)) {
            error(socket, id, "too many new chats from your network; please try again later");
            return;
        }
        try {
            bus.publish(ChatIntake.offlineMessage(inbox, id, name, email, text, clock.instant()));
        } catch (BusUnavailableException e) {
            send(socket, Map.of("type", "error", "id", id, "retry", true,
                    "message", "the message could not be taken just now; please try again"));
            return;
        }
        send(socket, Map.of("type", "left", "id", id, "message", "Thank you — we will answer by email to " + email));
    }

    private ChatVisitor visitor(WebSocketSession session, WebSocketSession socket) {
        ChatVisitor visitor = (ChatVisitor) session.getAttributes().get(VISITOR);
        if (visitor == null) {
            error(socket, null, "start or resume a chat first");
        }
        return visitor;
    }

    private ChatSettings settings(String inbox) {
        return inboxes.chat(inbox).orElseThrow();
    }

    private static String inbox(WebSocketSession session) {
        return (String) session.getAttributes().get(INBOX);
    }

    private static String address(WebSocketSession session) {
        Object address = session.getAttributes().get(ADDRESS);
        if (address != null) {
            return address.toString();
        }
        InetSocketAddress remote = session.getRemoteAddress();
        return remote == null ? "unknown" : remote.getAddress().getHostAddress();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            return null;
        }
        return value.asText().strip();
    }

    private void error(WebSocketSession socket, String id, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("type", "error");
        if (id != null) {
            error.put("id", id);
        }
        error.put("message", message);
        send(socket, error);
    }

    private void send(WebSocketSession socket, Object message) {
        try {
            ChatSessions.sendTo(socket, json.writeValueAsString(message));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
