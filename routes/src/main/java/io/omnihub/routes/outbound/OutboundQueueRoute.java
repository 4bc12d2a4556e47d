package io.omnihub.routes.outbound;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnihub.routes.bus.BusProperties;
import io.omnihub.routes.bus.HubHeaders;
import io.omnihub.routes.errors.PermanentFailure;
import io.omnihub.routes.errors.BusConsumerRouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes each queued reply off {@code hub.outbound.<channel>} and hands it to the channel's sender.
 * The sender reports success and permanent refusals itself; a transient failure it throws (the
 * server unreachable or busy) defers the reply like a mail server's queue: it stays QUEUED with
 * the reason and its next attempt, is put on its queue again by the sweep when that is due, with
 * backoff ({@code omnihub.outbound.retry.*}), and is marked FAILED once the retry window is over.
 * No reply stays QUEUED silently.
 */
public abstract class OutboundQueueRoute extends BusConsumerRouteBuilder {

    private static final Logger log = LoggerFactory.getLogger(OutboundQueueRoute.class);

    private final BusProperties bus;
    private final ObjectMapper json;
    private final DeliveryRetries retries;
    private final String channel;

    protected OutboundQueueRoute(BusProperties bus, ObjectMapper json, DeliveryRetries retries, String channel) {
        this.bus = bus;
        this.json = json;
        this.retries = retries;
        this.channel = channel;
    }

    /** Sends the reply; throws on a failure worth retrying. */
    protected abstract void send(long interactionId) throws Exception;

    @Override
    public void configure() {
        String queue = bus.outbound(channel);
        fromBusQueue(channel + "-send", queue, bus.deadLetterOf(queue), 2)
                .process(exchange -> sendOrDefer(interactionId(exchange.getMessage().getBody(String.class))))
                .filter(header(HubHeaders.HELD_ITEM_ID).isNotNull())
                    .bean("heldItems", "processed(${header." + HubHeaders.HELD_ITEM_ID + "})")
                .end();
    }

    private void sendOrDefer(long id) throws Exception {
        try {
            send(id);
        } catch (PermanentFailure notSendable) {
            throw notSendable;
        } catch (Exception transientFailure) {
            String reason = transientFailure.getMessage() == null ? transientFailure.getClass().getSimpleName()
                    : transientFailure.getMessage();
            java.time.Instant next = retries.deferred(id, reason);
            if (next != null) {
                log.info("{} reply {} not sent yet, trying again at {}: {}", channel, id, next, reason);
            } else {
                log.warn("{} reply {} not sent, given up: {}", channel, id, reason);
            }
        }
    }

    private long interactionId(String body) throws com.fasterxml.jackson.core.JsonProcessingException {
        var id = json.readTree(body).path("interactionId");
        if (!id.canConvertToLong()) {
            throw new PermanentFailure("an outbound message without an interactionId: " + body);
        }
        return id.asLong();
    }
}
