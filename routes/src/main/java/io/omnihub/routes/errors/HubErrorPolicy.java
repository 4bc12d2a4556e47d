package io.omnihub.routes.errors;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.omnihub.routes.bus.HubHeaders;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.springframework.stereotype.Component;

/**
 * The hub's one failure policy, in three tiers:
 * <ol>
 *   <li>permanent errors (invalid payload, unknown inbox) are parked with the original message
 *       and the reason in the dead-letter queue of the queue being consumed, without retries;</li>
 *   <li>transient errors on calls outside a transaction (SMTP, Twilio, ERP) are retried with
 *       backoff by the routes that make such calls ({@link #OUTBOUND}), then dead-lettered;</li>
 *   <li>everything else in a transacted bus consumer rolls back, and the broker redelivers with
 *       backoff and finally dead-letters ({@code omnihub.bus.*}); Camel does not retry on top.</li>
 * </ol>
 */
@Component
public class HubErrorPolicy extends RouteConfigurationBuilder {

    /** For routes that consume a bus queue transactionally. */
    public static final String BUS_CONSUMER = "hub-bus-consumer";
    /** For routes that call systems outside the hub (to be used by outbound routes). */
    public static final String OUTBOUND = "hub-outbound";

    @Override
    public void configuration() {
        routeConfiguration(BUS_CONSUMER)
                .onException(PermanentFailure.class, JsonProcessingException.class,
                        org.apache.camel.InvalidPayloadException.class)
                .handled(true)
                .useOriginalMessage()
                .setHeader(HubHeaders.FAILURE_REASON, simple("${exception.message}"))
                .setHeader(HubHeaders.FAILURE_EXCEPTION, simple("${exception.class.name}"))
                .setHeader(HubHeaders.FAILED_AT, simple("${date:now:yyyy-MM-dd'T'HH:mm:ss.SSSZ}"))
                .setHeader(HubHeaders.FAILED_ROUTE, simple("${routeId}"))
                // a replay must not be dropped as a duplicate of the message it replays
                .setHeader(HubHeaders.ORIGINAL_DUPLICATE_ID, header(HubHeaders.DUPLICATE_ID))
                .removeHeader(HubHeaders.DUPLICATE_ID)
                .log(org.apache.camel.LoggingLevel.WARN, "io.omnihub.routes.errors",
                        "parked ${header.JMSMessageID} from route ${routeId} in ${exchangeProperty."
                                + HubHeaders.DEAD_LETTER_QUEUE + "}: ${exception.message}")
                .toD("jms:queue:${exchangeProperty." + HubHeaders.DEAD_LETTER_QUEUE + "}?exchangePattern=InOnly");
    }
}
