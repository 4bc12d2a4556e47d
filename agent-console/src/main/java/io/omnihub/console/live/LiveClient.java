package io.omnihub.console.live;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.LinkedHashSet;
import java.util.Queue;
import java.util.Set;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One connected live client. Until its catch-up from the outbox is done, live events are held
 * back; afterwards they are sent in arrival order, skipping any the catch-up already sent, so a
 * reconnecting client neither loses nor repeats an event.
 */
final class LiveClient {

    private static final int REMEMBERED = 10_000;
    /** How soon a client whose stream broke tries again. */
    private static final long RECONNECT_MILLIS = 3_000;

    private final SseEmitter emitter;
    /** What this client's viewer may receive (restricted inboxes): the rest is never sent. */
    private final java.util.function.Predicate<com.fasterxml.jackson.databind.JsonNode> audience;
    private final Queue<LiveEvent> heldBack = new ArrayDeque<>();
    private final Set<String> sent = new LinkedHashSet<>();
    private boolean live;
    private boolean closed;

    LiveClient(SseEmitter emitter) {
        this(emitter, message -> true);
    }

    LiveClient(SseEmitter emitter, java.util.function.Predicate<com.fasterxml.jackson.databind.JsonNode> audience) {
        this.emitter = emitter;
        this.audience = audience;
    }

    SseEmitter emitter() {
        return emitter;
    }

    /** A live event from the bus. */
    synchronized void offer(LiveEvent event) {
        if (closed) {
            return;
        }
        if (!live) {
            heldBack.add(event);
            return;
        }
        send(event);
    }

    /** An event from the catch-up. */
    synchronized void replay(LiveEvent event) {
        send(event);
    }

    /**
     * Ends the catch-up: what arrived meanwhile goes out now. The stream's first write — nothing but a
     * comment and how soon to reconnect, when nothing was missed — sends the response's headers, so the
     * client knows at once that it is connected (not only at the next event or heartbeat).
     */
    synchronized void goLive() {
        try {
            emitter.send(SseEmitter.event().comment("connected").reconnectTime(RECONNECT_MILLIS));
        } catch (IOException | IllegalStateException e) {
            close();
        }
        live = true;
        while (!heldBack.isEmpty() && !closed) {
            send(heldBack.poll());
        }
    }

    /**
     * A passing signal (someone typing): sent only to a live client, without an id, so it neither
     * moves the client's resume position nor is replayed.
     */
    synchronized void signal(String type, String json, com.fasterxml.jackson.databind.JsonNode parsed) {
        if (closed || !live || !audience.test(parsed)) {
            return;
        }
        try {
            emitter.send(SseEmitter.event().name(type).data(json, org.springframework.http.MediaType.APPLICATION_JSON));
        } catch (IOException | IllegalStateException e) {
            close();
        }
    }

    synchronized void heartbeat() {
        if (closed) {
            return;
        }
        try {
            emitter.send(SseEmitter.event().comment("keep-alive"));
        } catch (IOException | IllegalStateException e) {
            close();
        }
    }

    synchronized boolean isClosed() {
        return closed;
    }

    synchronized void close() {
        if (!closed) {
            closed = true;
            heldBack.clear();
            try {
                emitter.complete();
            } catch (IllegalStateException alreadyFailed) {
                // the connection failed before (the container has given up on it): nothing left to complete,
                // and the other clients must still get the event being sent
            }
        }
    }

    private void send(LiveEvent event) {
        if (closed || !sent.add(event.eventId())) {
            return;
        }
        if (event.envelope() != null && !audience.test(event.envelope())) {
            return;
        }
        if (sent.size() > REMEMBERED) {
            sent.remove(sent.iterator().next());
        }
        try {
            emitter.send(SseEmitter.event().id(Long.toString(event.sequence())).name(event.type()).data(event.json(),
                    org.springframework.http.MediaType.APPLICATION_JSON));
        } catch (IOException | IllegalStateException e) {
            close();
        }
    }
}
