package io.omnihub.routes.outbound;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnihub.routes.bus.BusProperties;
import io.omnihub.routes.bus.HubHeaders;
import io.omnihub.routes.errors.PermanentFailure;
import io.omnihub.store.channel.Channels;
import io.omnihub.routes.errors.BusConsumerRouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import java.util.List;

/**
 * One route per channel sender, all alike (route {@code <channel>-send}): takes each queued reply
 * off {@code hub.outbound.<channel>} and hands it to the channel's {@link ChannelSender}.
 * The sender reports success and permanent refusals itself; a transient failure it throws (the
 * server unreachable or busy) defers the reply like a mail server's queue: it stays QUEUED with
 * the reason and its next attempt, is put on its queue again by the sweep when that is due, with
 * backoff ({@code omnihub.outbound.retry.*}), and is marked FAILED once the retry window is over.
 * No reply stays QUEUED silently.
 */
@Component
class OutboundRoutes extends BusConsumerRouteBuilder {

    private static final Logger log = LoggerFactory.getLogger(OutboundRoutes.class);

    private final BusProperties bus;
    private final ObjectMapper json;
    private final DeliveryRetries retries;
    private final List<ChannelSender> senders;

    OutboundRoutes(BusProperties bus, ObjectMapper json, DeliveryRetries retries, List<ChannelSender> senders,
            Channels channels) {
        this.bus = bus;
        this.json = json;
        this.retries = retries;
        this.senders = senders;
        List<String> sending = senders.stream().map(ChannelSender::channel).sorted().toList();
        if (!sending.equals(channels.sending())) {
            throw new IllegalStateException("the channels with a sender " + sending + " are not the channels whose "
                    + "type says they send " + channels.sending() + ": each sending channel has one ChannelSender and "
                    + "a ChannelType whose sends() is true, so that the bus has its outbound queue");
        }
    }

    @Override
    public void configure() {
        senders.forEach(this::sendRoute);
    }

    private void sendRoute(ChannelSender sender) {
        String queue = bus.outbound(sender.channel());
        fromBusQueue(sender.channel() + "-send", queue, bus.deadLetterOf(queue), 2)
                .process(exchange -> sendOrDefer(sender, interactionId(exchange.getMessage().getBody(String.class))))
                .filter(header(HubHeaders.HELD_ITEM_ID).isNotNull())
                    .bean("heldItems", "processed(${header." + HubHeaders.HELD_ITEM_ID + "})")
                .end();
    }

    private void sendOrDefer(ChannelSender sender, long id) throws Exception {
        String channel = sender.channel();
        try {
            sender.send(id);
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
