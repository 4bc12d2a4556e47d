package io.omnihub.console.live;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

@RestController
@Tag(name = "Live events", description = "The hub's domain events as they happen (server-sent events)")
class EventStreamController {

    private static final Duration STREAM_TIMEOUT = Duration.ofMinutes(30);

    private final LiveEventHub hub;

    EventStreamController(LiveEventHub hub) {
        this.hub = hub;
    }

    @GetMapping(path = {"/api/v1/events", "/console/events"}, produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "Stream domain events",
            description = "Each event's SSE id is its publish sequence and its name the event type "
                    + "(InteractionRecorded, ConversationOpened, ...); data is the event envelope JSON. "
                    + "Reconnect with Last-Event-ID (browsers do it themselves) or ?after= to receive what was "
                    + "missed first. The stream ends after 30 minutes; clients reconnect.")
    SseEmitter stream(@Parameter(description = "resume after this sequence") @RequestParam(required = false) Long after,
            @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
            java.security.Principal viewer) {
        Long resumeAfter = after;
        if (resumeAfter == null && lastEventId != null && !lastEventId.isBlank()) {
            try {
                resumeAfter = Long.parseLong(lastEventId.strip());
            } catch (NumberFormatException e) {
                throw new org.springframework.web.server.ResponseStatusException(
                        org.springframework.http.HttpStatus.BAD_REQUEST, "Last-Event-ID must be an event sequence number");
            }
        }
        // a viewer outside a restricted inbox receives nothing about its conversations (LiveAudience)
        return hub.connect(resumeAfter, STREAM_TIMEOUT, viewer);
    }
}
