package io.omnihub.console.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

class LiveClientTest {

    /** A connection the container has given up on: writing fails, and so does completing it. */
    static final class BrokenEmitter extends SseEmitter {
        @Override
        public void send(SseEventBuilder builder) throws IOException {
            throw new IOException("Broken pipe");
        }

        @Override
        public synchronized void complete() {
            throw new IllegalStateException("A non-container (application) thread attempted to use the AsyncContext "
                    + "after an error had occurred");
        }
    }

    /** A connection that works, remembering what it was sent. */
    static final class RecordingEmitter extends SseEmitter {
        final List<Set<DataWithMediaType>> sent = new ArrayList<>();

        @Override
        public void send(SseEventBuilder builder) {
            sent.add(builder.build());
        }
    }

    @Test
    void aBrokenConnectionClosesQuietlySoTheOtherClientsStillGetTheEventAndTheSignal() {
        LiveClient broken = new LiveClient(new BrokenEmitter());
        RecordingEmitter healthy = new RecordingEmitter();
        LiveClient working = new LiveClient(healthy);
        broken.goLive();
        working.goLive();
        List<LiveClient> clients = List.of(broken, working);
        LiveEvent event = new LiveEvent(7, "e-7", "InteractionRecorded", "{}");

        assertThatCode(() -> clients.forEach(c -> c.offer(event))).doesNotThrowAnyException();
        assertThatCode(() -> clients.forEach(c -> c.signal("AgentActivity", "{}", com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()))).doesNotThrowAnyException();

        assertThat(broken.isClosed()).isTrue();
        assertThat(working.isClosed()).isFalse();
        assertThat(healthy.sent).hasSize(3);
    }

    @Test
    void goingLiveWritesAtOnceSoTheClientKnowsItIsConnected() {
        RecordingEmitter emitter = new RecordingEmitter();
        new LiveClient(emitter).goLive();
        assertThat(emitter.sent).hasSize(1);
        String first = emitter.sent.get(0).stream().map(d -> String.valueOf(d.getData()))
                .collect(java.util.stream.Collectors.joining());
        assertThat(first).contains(":connected").contains("retry:3000");
    }
}
