package io.omnihub.routes.errors;

import io.omnihub.routes.bus.HubHeaders;
import org.apache.camel.builder.endpoint.EndpointRouteBuilder;
import org.apache.camel.model.RouteDefinition;

/**
 * Routes that consume a bus queue the one way the hub does: in a local JMS transaction committed
 * after the route (so after the database transaction the route ran), under the shared failure
 * policy ({@link HubErrorPolicy}), parking what can never succeed in the queue's dead-letter queue.
 */
public abstract class BusConsumerRouteBuilder extends EndpointRouteBuilder {

    /**
     * @param queue           the queue (for a subscription on a topic: {@code topic::queue})
     * @param deadLetterQueue where a message that can never succeed is parked
     * @param consumers       concurrent consumers on this node
     */
    protected RouteDefinition fromBusQueue(String routeId, String queue, String deadLetterQueue, int consumers) {
        return from(jms("queue:" + queue)
                .transacted(true)
                .cacheLevelName("CACHE_CONSUMER")
                .concurrentConsumers(consumers)
                .maxConcurrentConsumers(consumers)
                // no transaction manager between the bus and the database: the database commits
                // first, then the bus message is acknowledged
                .advanced().lazyCreateTransactionManager(false))
                .routeId(routeId)
                .routeConfigurationId(HubErrorPolicy.BUS_CONSUMER)
                .setProperty(HubHeaders.DEAD_LETTER_QUEUE, constant(deadLetterQueue));
    }
}
