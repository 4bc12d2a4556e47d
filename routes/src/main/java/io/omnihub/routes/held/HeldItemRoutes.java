package io.omnihub.routes.held;

import io.omnihub.routes.bus.BusProperties;
import io.omnihub.routes.bus.HubHeaders;
import io.omnihub.store.channel.Channels;
import org.apache.camel.builder.endpoint.EndpointRouteBuilder;
import org.springframework.stereotype.Component;

/**
 * Drains every dead-letter queue into held items, one route per queue ({@code held-items-<queue>}).
 * Each parked message is taken in a JMS transaction acknowledged only after the held item has
 * committed; while the database is unreachable the message stays in the dead-letter queue and is
 * tried again with backoff, never dropped.
 */
@Component
class HeldItemRoutes extends EndpointRouteBuilder {

    private final BusProperties bus;
    private final Channels channels;
    private final HeldItemIntake intake;

    HeldItemRoutes(BusProperties bus, Channels channels, HeldItemIntake intake) {
        this.channels = channels;
        this.bus = bus;
        this.intake = intake;
    }

    @Override
    public void configure() {
        for (String queue : bus.parkingQueues(channels)) {
            String deadLetterQueue = bus.deadLetterOf(queue);
            from(jms("queue:" + deadLetterQueue)
                    .transacted(true)
                    .cacheLevelName("CACHE_CONSUMER")
                    .advanced().lazyCreateTransactionManager(false))
                    .routeId("held-items-" + queue)
                    .setProperty(HubHeaders.DEAD_LETTER_QUEUE, constant(deadLetterQueue))
                    .bean(intake, "hold");
        }
    }
}
