package io.omnihub.routes.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.omnihub.connectors.bus.Address;
import io.omnihub.connectors.bus.InboundInteraction;
import io.omnihub.connectors.bus.Sender;
import io.omnihub.connectors.bus.StatusUpdate;
import io.omnihub.connectors.chat.TranscriptRequest;
import io.omnihub.connectors.integrations.BusinessEvent;
import io.omnihub.routes.bus.BusJson;
import io.omnihub.routes.bus.BusProperties;
import io.omnihub.routes.bus.HubHeaders;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the ingress routes put on the bus, read off a mock in place of the broker: JSON in the
 * versioned contract, the duplicate id that makes a redelivery harmless, and the message group that
 * keeps one sender's messages (one message's reports) in order.
 */
class IngressRoutesTest extends CamelTestSupport {

    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private final BusProperties bus = new BusProperties("hub.inbound", "hub.status",
            "hub.inbound-business", "hub.transcripts", "hub.events", "hub.outbound", ".dlq", 1, 6, 200, Duration.ofSeconds(1), 3.0,
            Duration.ofMinutes(5), "hub.live");

    @Override
    public boolean isUseAdviceWith() {
        return true;
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new IngressRoutes(bus, new BusJson(json));
    }

    @BeforeEach
    void busIsAMock() throws Exception {
        AdviceWith.adviceWith(context, "interaction-ingress",
                route -> route.weaveByToUri("jms:*").replace().to("mock:hub.inbound"));
        AdviceWith.adviceWith(context, "status-ingress",
                route -> route.weaveByToUri("jms:*").replace().to("mock:hub.status"));
        AdviceWith.adviceWith(context, "business-event-ingress",
                route -> route.weaveByToUri("jms:*").replace().to("mock:hub.inbound-business"));
        AdviceWith.adviceWith(context, "transcript-ingress",
                route -> route.weaveByToUri("jms:*").replace().to("mock:hub.transcripts"));
        context.start();
    }

    @Test
    void anInteractionGoesOnHubInboundAsVersionedJsonGroupedBySender() throws Exception {
        MockEndpoint inbound = getMockEndpoint("mock:hub.inbound");
        inbound.expectedMessageCount(1);
        InboundInteraction mail = InboundInteraction.builder("email", "support", "CAF=x7@mail.gmail.com")
                .occurredAt(Instant.parse("2026-12-02T09:15:00Z"))
                .from(new Sender("Ana Lima", List.of(Address.email("ana@example.com"))))
                .subject("Où est ma commande ?").text("Bonjour").metadata(Map.of("fingerprint", "ab12"))
                .build();

        template.sendBody(IngressRoutes.INTERACTIONS, mail);

        inbound.assertIsSatisfied();
        var message = inbound.getReceivedExchanges().get(0).getMessage();
        assertThat(message.getHeader(HubHeaders.DUPLICATE_ID)).isEqualTo("email:support:CAF=x7@mail.gmail.com#ab12");
        assertThat(message.getHeader(HubHeaders.GROUP_ID)).isEqualTo("email:ana@example.com");
        assertThat(message.getHeader(HubHeaders.SCHEMA)).isEqualTo(InboundInteraction.SCHEMA);
        JsonNode body = json.readTree(message.getBody(String.class));
        assertThat(body.path("subject").asText()).isEqualTo("Où est ma commande ?");
        assertThat(body.path("occurredAt").asText()).isEqualTo("2026-12-02T09:15:00Z");
        assertThat(json.readValue(message.getBody(String.class), InboundInteraction.class)).isEqualTo(mail);
    }

    @Test
    void aStatusReportGoesOnHubStatusGroupedByWhatItIsAbout() throws Exception {
        MockEndpoint status = getMockEndpoint("mock:hub.status");
        status.expectedMessageCount(2);
        StatusUpdate delivered = StatusUpdate.of("SMS_DELIVERY", "sms", "sms-us",
                "SM5c1bd1b2a7c84c3e9a6e4b1a2f3c4d5e", "delivered", Instant.parse("2026-12-02T09:16:00Z"),
                Map.of("status", "delivered"));
        StatusUpdate failed = StatusUpdate.of("SMS_DELIVERY", "sms", "sms-us",
                "SM5c1bd1b2a7c84c3e9a6e4b1a2f3c4d5e", "undelivered", Instant.parse("2026-12-02T09:17:00Z"),
                Map.of("status", "undelivered", "errorCode", "30007"));

        template.sendBody(IngressRoutes.STATUSES, delivered);
        template.sendBody(IngressRoutes.STATUSES, failed);

        status.assertIsSatisfied();
        var first = status.getReceivedExchanges().get(0).getMessage();
        var second = status.getReceivedExchanges().get(1).getMessage();
        assertThat(first.getHeader(HubHeaders.DUPLICATE_ID))
                .isEqualTo("status:sms:sms-us:SM5c1bd1b2a7c84c3e9a6e4b1a2f3c4d5e:delivered");
        assertThat(second.getHeader(HubHeaders.DUPLICATE_ID)).isNotEqualTo(first.getHeader(HubHeaders.DUPLICATE_ID));
        assertThat(second.getHeader(HubHeaders.GROUP_ID)).isEqualTo(first.getHeader(HubHeaders.GROUP_ID))
                .isEqualTo("sms:SM5c1bd1b2a7c84c3e9a6e4b1a2f3c4d5e");
        assertThat(first.getHeader(HubHeaders.SCHEMA)).isEqualTo(StatusUpdate.SCHEMA);
        assertThat(json.readValue(second.getBody(String.class), StatusUpdate.class)).isEqualTo(failed);
    }

    @Test
    void aBusinessEventGoesOnHubInboundBusinessGroupedByTheCustomerOrRequestItNames() throws Exception {
        MockEndpoint business = getMockEndpoint("mock:hub.inbound-business");
        business.expectedMessageCount(2);
        BusinessEvent order = new BusinessEvent("sap-s4", "SO-4711", "order.placed", Instant.parse("2026-11-20T09:00:00Z"),
                new BusinessEvent.CustomerRef("C-1001", null, null), "SO-4711", "Order SO-4711 placed",
                Map.of("total", 129.9, "currency", "EUR"), null);
        BusinessEvent answer = new BusinessEvent("sap-s4", "RMA-9", "return.authorised",
                Instant.parse("2026-11-25T12:00:00Z"), new BusinessEvent.CustomerRef(null, null, null), "RMA-9",
                "Return authorised", Map.of(), "request-3f2c");

        template.sendBody(IngressRoutes.BUSINESS_EVENTS, order);
        template.sendBody(IngressRoutes.BUSINESS_EVENTS, answer);

        business.assertIsSatisfied();
        var first = business.getReceivedExchanges().get(0).getMessage();
        assertThat(first.getHeader(HubHeaders.DUPLICATE_ID)).isEqualTo("business:sap-s4:SO-4711");
        assertThat(first.getHeader(HubHeaders.GROUP_ID)).isEqualTo("business-customer:ERP number C-1001");
        assertThat(json.readValue(first.getBody(String.class), BusinessEvent.class)).isEqualTo(order);
        assertThat(business.getReceivedExchanges().get(1).getMessage().getHeader(HubHeaders.GROUP_ID))
                .isEqualTo("business-request:request-3f2c");
    }

    @Test
    void aTranscriptRequestGoesOnHubTranscriptsGroupedByItsChat() throws Exception {
        MockEndpoint transcripts = getMockEndpoint("mock:hub.transcripts");
        transcripts.expectedMessageCount(1);
        TranscriptRequest request = new TranscriptRequest("web-chat", "3b1f0c4e-2d51-4c0e-9a77-0f6f1a2b3c4d",
                "ana@example.com", "9e8d7c6b", Instant.parse("2026-12-02T09:20:00Z"));

        template.sendBody(IngressRoutes.TRANSCRIPTS, request);

        transcripts.assertIsSatisfied();
        var message = transcripts.getReceivedExchanges().get(0).getMessage();
        assertThat(message.getHeader(HubHeaders.DUPLICATE_ID)).isEqualTo("transcript:9e8d7c6b");
        assertThat(message.getHeader(HubHeaders.GROUP_ID)).isEqualTo("web-chat:3b1f0c4e-2d51-4c0e-9a77-0f6f1a2b3c4d");
        assertThat(message.getHeader(HubHeaders.SCHEMA)).isEqualTo(TranscriptRequest.SCHEMA);
        assertThat(json.readValue(message.getBody(String.class), TranscriptRequest.class)).isEqualTo(request);
    }
}
