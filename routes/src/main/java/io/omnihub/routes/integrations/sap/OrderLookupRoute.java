package io.omnihub.routes.integrations.sap;

import io.omnihub.routes.integrations.Causes;
import io.omnihub.routes.integrations.IntegrationTarget;
import io.omnihub.routes.integrations.IntegrationsProperties;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnihub.store.customer.ErpCustomers;
import java.util.Optional;
import org.apache.camel.builder.endpoint.EndpointRouteBuilder;
import org.springframework.stereotype.Component;

/**
 * The console's live order lookup, request-reply over {@code hub.lookup.orders}: a request names a
 * customer; the answer is their latest sales orders from the configured SAP_S4 target, or why there
 * are none to show (no lookup configured, no ERP number, SAP slow or down). The console waits a few
 * seconds at most and caches answers briefly; requests it gave up on expire on the queue.
 */
@Component
class OrderLookupRoute extends EndpointRouteBuilder {

    static final String QUEUE = "hub.lookup.orders";

    private final IntegrationsProperties settings;
    private final SapClients clients;
    private final ErpCustomers customers;
    private final ObjectMapper json;

    OrderLookupRoute(IntegrationsProperties settings, SapClients clients, ErpCustomers customers,
            ObjectMapper json) {
        this.settings = settings;
        this.clients = clients;
        this.customers = customers;
        this.json = json;
    }

    @Override
    public void configure() {
        from(jms("queue:" + QUEUE).concurrentConsumers(2).maxConcurrentConsumers(4))
                .routeId("order-lookup")
                .process(exchange -> exchange.getMessage().setBody(
                        json.writeValueAsString(answer(exchange.getMessage().getBody(String.class)))));
    }

    private ObjectNode answer(String request) {
        ObjectNode answer = json.createObjectNode();
        String target = settings.integrationDelivery().orderLookupTarget();
        if (target == null) {
            return answer.put("available", false).put("reason", "no order lookup is configured "
                    + "(omnihub.integration-delivery.order-lookup-target)").put("configured", false);
        }
        try {
            long customer = json.readTree(request).path("customerId").asLong();
            Optional<String> erp = customers.erpNumberOf(customer);
            if (erp.isEmpty()) {
                return answer.put("available", false).put("reason", "the customer has no ERP number yet");
            }
            IntegrationTarget sap = settings.integrations().get(target);
            JsonNode orders = clients.of(target).salesOrders(erp.get(), sap.sap().orders(), sap.timeout());
            answer.put("available", true).put("erpNumber", erp.get()).put("source", target);
            var list = answer.putArray("orders");
            orders.forEach(o -> list.addObject()
                    .put("order", o.path("SalesOrder").asText())
                    .put("created", o.path("CreationDate").asText())
                    .put("netAmount", o.path("TotalNetAmount").asText())
                    .put("currency", o.path("TransactionCurrency").asText())
                    .put("status", o.path("OverallSDProcessStatus").asText())
                    .put("deliveryStatus", o.path("OverallDeliveryStatus").asText()));
            return answer;
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return answer.put("available", false).put("reason", e instanceof SapS4Client.AccessRefused refused
                    ? refused.getMessage() : Causes.describe(e, "the ERP (" + target + ")"));
        }
    }
}
