package io.omnihub.routes.errors;

import io.omnihub.routes.bus.BusProperties;
import io.omnihub.routes.bus.HubHeaders;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.apache.camel.model.RouteConfigurationDefinition;
import org.springframework.stereotype.Component;

/**
 * The hub's one failure policy for transacted bus consumers:
 * <ol>
 *   <li>a <b>permanent</b> error (unreadable payload, unknown inbox, a value the database refuses)
 *       parks the original message with the reason in its queue's dead-letter queue at once;</li>
 *   <li>an <b>outage</b> (the database or another dependency unreachable) rolls back for the broker to
 *       redeliver with backoff, for as long as the outage lasts ({@code omnihub.bus.outage-delivery-attempts});</li>
 *   <li>any other error rolls back and is redelivered with backoff; on the last of
 *       {@code omnihub.bus.max-delivery-attempts} deliveries the message is parked with the last reason.</li>
 * </ol>
 * Camel never retries on top of the broker. A parked message does not stay in the dead-letter queue:
 * it becomes a held item agents see ({@code io.omnihub.routes.held}).
 * <p>
 * And for scheduled routes (mailbox polls, deliveries to ERP targets, feeds, sweeps, the outbox relay):
 * a failed run is said in one line per kind of failure and route ({@link FailureLog}, then a count every
 * 30 s) and the next tick tries again; what the run had not finished stays in the store for it.
 */
@Component
public class HubErrorPolicy extends RouteConfigurationBuilder {

    /** For routes that consume a bus queue transactionally. */
    public static final String BUS_CONSUMER = "hub-bus-consumer";
    /** For routes a timer starts. */
    public static final String SCHEDULED = "hub-scheduled";

    private final BusProperties bus;
    private final FailureLog failures;

    HubErrorPolicy(BusProperties bus, FailureLog failures) {
        this.bus = bus;
        this.failures = failures;
    }

    @Override
    public void configuration() {
        RouteConfigurationDefinition policy = routeConfiguration(BUS_CONSUMER);
        // the broker redelivers; what a rollback is worth saying, FailureLog says in one line
        policy.errorHandler(defaultErrorHandler().logExhausted(false).logStackTrace(false));
        policy.onException(Premature.class)
                .onWhen(this::lastDelivery)
                .handled(true)
                .log(LoggingLevel.INFO, "io.omnihub.routes.errors",
                        "${routeId}: let go after ${header." + HubHeaders.DELIVERY_COUNT + "} deliveries: ${exception.message}")
                .end();
        policy.onException(Exception.class)
                .onWhen(this::parks)
                .handled(true)
                .useOriginalMessage()
                .process(this::describeFailure)
                .log(LoggingLevel.WARN, "io.omnihub.routes.errors",
                        "parked ${header.JMSMessageID} from route ${routeId}: ${header." + HubHeaders.FAILURE_REASON + "}")
                .toD("jms:queue:${exchangeProperty." + HubHeaders.DEAD_LETTER_QUEUE + "}?exchangePattern=InOnly")
                .end();
        policy.onException(Exception.class)
                .onWhen(exchange -> failure(exchange) != null && !parks(exchange))
                .handled(false)
                .process(exchange -> failures.rolledBack(exchange.getFromRouteId(), failure(exchange)))
                .end();

        RouteConfigurationDefinition scheduled = routeConfiguration(SCHEDULED);
        scheduled.errorHandler(defaultErrorHandler().logExhausted(false).logStackTrace(false));
        scheduled.onException(Exception.class)
                .handled(true)
                .process(exchange -> failures.tickFailed(exchange.getFromRouteId(), failure(exchange)))
                .end();
    }

    /** Whether the failing message is parked now rather than rolled back for another delivery. */
    boolean parks(Exchange exchange) {
        Throwable failure = failure(exchange);
        if (failure == null) {
            return false;
        }
        if (failure instanceof Premature) {
            return false;
        }
        return FailureKinds.permanent(failure) || !FailureKinds.outage(failure) && lastDelivery(exchange);
    }

    boolean lastDelivery(Exchange exchange) {
        Integer delivery = exchange.getMessage().getHeader(HubHeaders.DELIVERY_COUNT, Integer.class);
        return delivery != null && delivery >= bus.maxDeliveryAttempts();
    }

    private void describeFailure(Exchange exchange) {
        Throwable failure = failure(exchange);
        Message message = exchange.getMessage();
        int deliveries = message.getHeader(HubHeaders.DELIVERY_COUNT, 1, Integer.class);
        String reason = FailureKinds.reason(failure);
        message.setHeader(HubHeaders.FAILURE_REASON, FailureKinds.permanent(failure) ? reason
                : "failed " + deliveries + " times; the last time: " + reason);
        message.setHeader(HubHeaders.FAILURE_EXCEPTION, failure.getClass().getName());
        message.setHeader(HubHeaders.FAILED_AT, System.currentTimeMillis());
        message.setHeader(HubHeaders.FAILED_ROUTE, exchange.getFromRouteId());
        message.setHeader(HubHeaders.DELIVERIES, deliveries);
        message.setHeader(HubHeaders.SOURCE_QUEUE,
                bus.queueOfDeadLetter(exchange.getProperty(HubHeaders.DEAD_LETTER_QUEUE, String.class)));
        Long received = message.getHeader("JMSTimestamp", Long.class);
        if (received != null && received > 0 && message.getHeader(HubHeaders.FIRST_ATTEMPT_AT) == null) {
            message.setHeader(HubHeaders.FIRST_ATTEMPT_AT, received);
        }
        // a replay must not be dropped as a duplicate of the message it replays
        if (message.getHeader(HubHeaders.DUPLICATE_ID) != null) {
            message.setHeader(HubHeaders.ORIGINAL_DUPLICATE_ID, message.getHeader(HubHeaders.DUPLICATE_ID));
            message.removeHeader(HubHeaders.DUPLICATE_ID);
        }
    }

    private static Throwable failure(Exchange exchange) {
        Throwable failure = exchange.getException();
        return failure != null ? failure : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
    }
}
