package io.omnihub.connectors.chat;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The visitors' open widgets on this hub node, by chat. Lines and typing signals for a chat reach
 * every node over the live topic; each node passes them to the widgets connected to it.
 */
@Component
public class ChatSessions {

    /** A line for the visitor: {@code {"type":"ChatLine","session":…,"line":{…}}}. */
    public static final String LINE = "ChatLine";
    /** An agent's activity on a conversation; {@code typing} on a chat is shown in the widget. */
    public static final String AGENT_ACTIVITY = "AgentActivity";

    private static final Logger log = LoggerFactory.getLogger(ChatSessions.class);

    private final Map<String, Set<WebSocketSession>> bySession = new ConcurrentHashMap<>();
    private final ObjectMapper json;

    ChatSessions(ObjectMapper json) {
        this.json = json;
    }

    void join(String sessionId, WebSocketSession socket) {
        bySession.computeIfAbsent(sessionId, k -> ConcurrentHashMap.newKeySet()).add(socket);
    }

    void leave(String sessionId, WebSocketSession socket) {
        bySession.computeIfPresent(sessionId, (k, sockets) -> {
            sockets.remove(socket);
            return sockets.isEmpty() ? null : sockets;
        });
    }

    /** How many widgets are open on this node (for health and tests). */
    public int openWidgets() {
        return bySession.values().stream().mapToInt(Set::size).sum();
    }

    /** A signal from the live topic: passed to the widgets of its chat on this node, if any. */
    public void deliver(String signal) {
        JsonNode node;
        try {
            node = json.readTree(signal);
        } catch (JsonProcessingException e) {
            log.warn("ignoring an unreadable live signal");
            return;
        }
        String session = node.path(LINE.equals(node.path("type").asText()) ? "session" : "chatSession").asText(null);
        if (session == null || !bySession.containsKey(session)) {
            return;
        }
        switch (node.path("type").asText()) {
            case LINE -> send(session, Map.of("type", "message", "line", node.path("line")));
            case AGENT_ACTIVITY -> {
                if ("typing".equals(node.path("activity").asText())) {
                    send(session, Map.of("type", "typing", "name", node.path("agentName").asText("")));
                }
            }
            default -> {
            }
        }
    }

    void send(String sessionId, Object message) {
        Set<WebSocketSession> sockets = bySession.get(sessionId);
        if (sockets == null) {
            return;
        }
        String text;
        try {
            text = json.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        for (WebSocketSession socket : sockets) {
            sendTo(socket, text);
        }
    }

    static void sendTo(WebSocketSession socket, String text) {
        try {
            if (socket.isOpen()) {
                socket.sendMessage(new TextMessage(text));
            }
        } catch (IOException | IllegalStateException e) {
            log.debug("a chat widget went away while being written to: {}", e.getMessage());
        }
    }
}
