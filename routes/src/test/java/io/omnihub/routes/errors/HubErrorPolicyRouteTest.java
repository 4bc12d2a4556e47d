package io.omnihub.routes.errors;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnihub.routes.bus.BusProperties;
import io.omnihub.routes.bus.HubHeaders;
import java.net.ConnectException;
import java.time.Duration;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The shared failure policy on a bus consumer route, on its own: what is parked at once, what is
 * rolled back for the broker to deliver again, what is parked on the last delivery, and what is
 * let go. The bus is Camel's mock component under the name {@code jms}, the route's queue a direct
 * endpoint; the route and the policy are the hub's own.
 */
class HubErrorPolicyRouteTest extends CamelTestSupport {

    private static final String DLQ = "hub.test.dlq";
    private final BusProperties bus = new BusProperties("hub.inbound", "hub.status",
            "hub.inbound-business", "hub.transcripts", "hub.events", "hub.outbound", ".dlq", 1, 6, 200, Duration.ofSeconds(1), 3.0,
            Duration.ofMinutes(5), "hub.live");
    private final FailureLog failures = new FailureLog();

    @Override
    public boolean isUseAdviceWith() {
        return true;
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        // every jms: endpoint the policy parks to is a mock
        context.addComponent("jms", context.getComponent("mock"));
        return context;
    }

    @Override
    protected RoutesBuilder[] createRouteBuilders() {
        return new RoutesBuilder[] {new HubErrorPolicy(bus, failures), new BusConsumerRouteBuilder() {
            @Override
            public void configure() {
                fromBusQueue("test-consume", "hub.test", DLQ, 1).process(this::fail);
            }

            private void fail(Exchange exchange) throws Exception {
                switch (exchange.getMessage().getBody(String.class)) {
                    case "permanent" -> throw new PermanentFailure("unknown inbox 'nowhere'");
                    case "transient" -> throw new IllegalStateException("lock timeout");
                    case "outage" -> throw new ConnectException("database unreachable");
                    case "premature" -> throw new Premature("a report about SMS SM1 the hub has not recorded yet");
                    default -> exchange.getMessage().setHeader("done", true);
                }
            }
        }, new org.apache.camel.builder.RouteBuilder() {
            @Override
            public void configure() {
                // what a timer starts (a mailbox poll, a delivery to an ERP target): here started by hand
                from("direct:tick").routeId("test-tick").routeConfigurationId(HubErrorPolicy.SCHEDULED)
                        .process(exchange -> {
                            if ("fail".equals(exchange.getMessage().getBody(String.class))) {
                                throw new IllegalStateException("the ERP answered 503");
                            }
                            exchange.getMessage().setHeader("done", true);
                        });
            }
        }};
    }

    @BeforeEach
    void queueIsADirectEndpoint() throws Exception {
        AdviceWith.adviceWith(context, "test-consume", route -> route.replaceFromWith("direct:hub.test"));
        context.start();
    }

    @AfterEach
    void stopTheLog() {
        failures.destroy();
    }

    private Exchange deliver(String body, int delivery) {
        return template.send("direct:hub.test", e -> {
            e.getMessage().setBody(body);
            e.getMessage().setHeaders(new java.util.HashMap<>(Map.of(HubHeaders.DELIVERY_COUNT, delivery,
                    HubHeaders.DUPLICATE_ID, "webform:contact:" + body)));
        });
    }

    /**
     * Where the policy parks: camel-jms resolves {@code toD("jms:queue:${exchangeProperty...}")} to one
     * endpoint and names the queue in the {@code CamelJmsDestinationName} header, which the JMS
     * producer sends to; so the parked messages are those with the dead-letter queue in that header.
     */
    private MockEndpoint parked() {
        return context.getEndpoint("jms:queue:${exchangeProperty." + HubHeaders.DEAD_LETTER_QUEUE
                + "}?exchangePattern=InOnly", MockEndpoint.class);
    }

    private int parkedCount() {
        return (int) parked().getReceivedExchanges().stream()
                .filter(e -> DLQ.equals(e.getMessage().getHeader("CamelJmsDestinationName"))).count();
    }

    @Test
    void aPermanentFailureIsParkedAtOnceWithItsReasonAndOriginalBody() {
        Exchange done = deliver("permanent", 1);
        assertThat(done.getException()).isNull();
        assertThat(parkedCount()).isEqualTo(1);
        var message = parked().getReceivedExchanges().get(0).getMessage();
        assertThat(message.getBody(String.class)).isEqualTo("permanent");
        assertThat(message.getHeader(HubHeaders.FAILURE_REASON, String.class)).contains("unknown inbox 'nowhere'");
        // a replay of a parked message is not dropped as a duplicate of itself
        assertThat(message.getHeader(HubHeaders.DUPLICATE_ID)).isNull();
        assertThat(message.getHeader(HubHeaders.ORIGINAL_DUPLICATE_ID)).isEqualTo("webform:contact:permanent");
    }

    @Test
    void anOtherFailureRollsBackUntilTheLastDeliveryThenIsParked() {
        Exchange first = deliver("transient", 1);
        assertThat(first.getException()).isInstanceOf(IllegalStateException.class);
        assertThat(parkedCount()).isZero();

        Exchange last = deliver("transient", bus.maxDeliveryAttempts());
        assertThat(last.getException()).isNull();
        assertThat(parkedCount()).isEqualTo(1);
        assertThat(parked().getReceivedExchanges().get(0).getMessage().getHeader(HubHeaders.FAILURE_REASON,
                String.class)).isEqualTo("failed 6 times; the last time: lock timeout");
    }

    @Test
    void anOutageIsNeverParkedByTheRouteOnlyRolledBack() {
        Exchange late = deliver("outage", bus.maxDeliveryAttempts() + 10);
        assertThat(late.getException()).isInstanceOf(ConnectException.class);
        assertThat(parkedCount()).isZero();
    }

    @Test
    void aReportThatOvertookWhatItIsAboutIsDeliveredAgainThenLetGo() {
        assertThat(deliver("premature", 1).getException()).isInstanceOf(Premature.class);
        Exchange last = deliver("premature", bus.maxDeliveryAttempts());
        assertThat(last.getException()).isNull();
        assertThat(parkedCount()).isZero();
    }

    @Test
    void aMessageThatSucceedsIsNeitherParkedNorFailed() {
        Exchange done = deliver("fine", 1);
        assertThat(done.getException()).isNull();
        assertThat(done.getMessage().getHeader("done")).isEqualTo(true);
        assertThat(parkedCount()).isZero();
    }

    @Test
    void aFailedScheduledRunIsSaidOnceAndTheNextRunGoesAhead() {
        Exchange failed = template.send("direct:tick", e -> e.getMessage().setBody("fail"));
        assertThat(failed.getException()).as("the timer is not handed the failure").isNull();
        assertThat(failures.pending("test-tick", IllegalStateException.class)).as("said in a line, none counted")
                .isZero();
        template.send("direct:tick", e -> e.getMessage().setBody("fail"));
        assertThat(failures.pending("test-tick", IllegalStateException.class)).as("counted for the summary")
                .isEqualTo(1);
        Exchange next = template.send("direct:tick", e -> e.getMessage().setBody("ok"));
        assertThat(next.getException()).isNull();
        assertThat(next.getMessage().getHeader("done", Boolean.class)).isTrue();
        assertThat(parkedCount()).as("a scheduled run parks nothing").isZero();
    }
}
