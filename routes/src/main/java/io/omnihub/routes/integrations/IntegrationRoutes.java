package io.omnihub.routes.integrations;

import io.omnihub.routes.errors.HubErrorPolicy;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnihub.routes.bus.BusProperties;
import io.omnihub.routes.bus.HubHeaders;
import io.omnihub.store.integration.IntegrationDeliveryQueue;
import java.time.Clock;
import io.omnihub.routes.errors.BusConsumerRouteBuilder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Events out. Route {@code integration-subscribe} takes every event off the integrations' durable
 * subscription to {@code hub.events} ({@code hub.events::hub.integrations}) and records one delivery
 * per target that wants it, acknowledging the event after the database commit (so an event is
 * never lost between the bus and the database, and one received twice is recorded once). Route
 * {@code integration-<name>} delivers each target's due events; route
 * {@code business-event-feed-<name>} polls each configured business-event feed.
 */
@Component
class IntegrationRoutes extends BusConsumerRouteBuilder {

    static final String SUBSCRIPTION = "hub.integrations";

    private final BusProperties bus;
    private final IntegrationsProperties settings;
    private final IntegrationDeliveryQueue queue;
    private final IntegrationDispatcher dispatcher;
    private final BusinessEventPoller poller;
    private final ObjectMapper json;
    private final TransactionTemplate transaction;
    private final Clock clock;

    IntegrationRoutes(BusProperties bus, IntegrationsProperties settings, IntegrationDeliveryQueue queue,
            IntegrationDispatcher dispatcher, BusinessEventPoller poller, ObjectMapper json, TransactionTemplate transaction, Clock clock) {
        this.bus = bus;
        this.settings = settings;
        this.queue = queue;
        this.dispatcher = dispatcher;
        this.poller = poller;
        this.json = json;
        this.transaction = transaction;
        this.clock = clock;
    }

    @Override
    public void configure() {
        fromBusQueue("integration-subscribe", bus.events() + "::" + SUBSCRIPTION, bus.deadLetterOf(SUBSCRIPTION), 1)
                .process(exchange -> record(exchange.getMessage().getBody(String.class)))
                .filter(header(HubHeaders.HELD_ITEM_ID).isNotNull())
                    .bean("heldItems",
                            "processed(${header." + HubHeaders.HELD_ITEM_ID + "})")
                .end();

        // one delivery route per target, one polling route per feed, each from its template
        routeTemplate("integration-delivery").templateParameter("target").templateParameter("period")
                .from("timer:integration-{{target}}?fixedRate=false&delay=1000&period={{period}}")
                .routeConfigurationId(HubErrorPolicy.SCHEDULED)
                .setHeader("target", constant("{{target}}"))
                .bean(dispatcher, "dispatch(${header.target})");
        routeTemplate("business-event-feed").templateParameter("feed").templateParameter("period")
                .from("timer:business-event-feed-{{feed}}?fixedRate=false&delay=2000&period={{period}}")
                .routeConfigurationId(HubErrorPolicy.SCHEDULED)
                .setHeader("feed", constant("{{feed}}"))
                .bean(poller, "poll(${header.feed})");

        String period = String.valueOf(settings.integrationDelivery().pollInterval().toMillis());
        settings.integrations().keySet().stream().sorted().forEach(name -> templatedRoute("integration-delivery")
                .routeId("integration-" + name).parameter("target", name).parameter("period", period));
        settings.businessEventFeeds().forEach((name, feed) -> templatedRoute("business-event-feed")
                .routeId("business-event-feed-" + name).parameter("feed", name)
                .parameter("period", String.valueOf(feed.interval().toMillis())));
    }

    /** One delivery per interested target, in one transaction; a target wanting none of it gets none. */
    private void record(String body) throws Exception {
        JsonNode envelope = json.readTree(body);
        String type = envelope.path("type").asText();
        String eventId = envelope.path("eventId").asText();
        long sequence = envelope.path("sequence").asLong();
        Long customer = envelope.path("customerId").isNumber() ? envelope.path("customerId").asLong() : null;
        transaction.executeWithoutResult(tx -> settings.integrations().forEach((name, target) -> {
            if (target.wants(type)) {
                queue.enqueue(name, eventId, sequence, type, customer, body, clock.instant());
            }
        }));
    }
}
