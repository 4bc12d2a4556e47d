package io.omnihub.routes.integrations.sap;

import io.omnihub.routes.integrations.Causes;
import io.omnihub.routes.integrations.DeliveryResult;
import io.omnihub.routes.integrations.IntegrationTarget;
import io.omnihub.routes.integrations.TargetSender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnihub.store.customer.ErpCustomers;
import io.omnihub.store.customer.ErpCustomers.ErpCustomer;
import io.omnihub.store.integration.IntegrationDeliveryQueue.Delivery;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Customers into SAP S/4HANA as business partners (API_BUSINESS_PARTNER): a customer without an ERP
 * number is created (POST A_BusinessPartner, with name, email and phone) and the number SAP gives
 * becomes the customer's ERP number; one with a number is updated (PATCH on its key). The customer
 * is read as it is at delivery time.
 */
@Component
class SapBusinessPartners implements TargetSender {

    private static final Logger log = LoggerFactory.getLogger(SapBusinessPartners.class);

    private final SapClients clients;
    private final ErpCustomers customers;
    private final ObjectMapper json;

    SapBusinessPartners(SapClients clients, ErpCustomers customers, ObjectMapper json) {
        this.clients = clients;
        this.customers = customers;
        this.json = json;
    }

    @Override
    public Set<IntegrationTarget.Kind> kinds() {
        return Set.of(IntegrationTarget.Kind.SAP_S4);
    }

    @Override
    public DeliveryResult send(String name, IntegrationTarget target, Delivery delivery, JsonNode envelope)
            throws InterruptedException {
        SapS4Client sap = clients.of(name);
        if (delivery.customerId() == null) {
            return DeliveryResult.park(null, "the event names no customer");
        }
        ErpCustomer customer = customers.read(delivery.customerId());
        try {
            if (customer.erpNumber() == null) {
                SapS4Client.Answer answer = sap.write("POST", "/A_BusinessPartner", create(customer, target.sap()));
                if (answer.status() != 201) {
                    return DeliveryResult.ofHttp(answer.status(), answer.body());
                }
                String number = json.readTree(answer.body()).path("d").path("BusinessPartner").asText(null);
                remember(customer, number);
                return DeliveryResult.delivered(201);
            }
            SapS4Client.Answer answer = sap.write("PATCH", "/A_BusinessPartner('" + customer.erpNumber() + "')",
                    names(json.createObjectNode(), customer, target.sap()));
            return DeliveryResult.ofHttp(answer.status(), answer.body());
        } catch (SapS4Client.AccessRefused refused) {
            return DeliveryResult.park(refused.status(), refused.getMessage());
        } catch (HttpTimeoutException e) {
            return DeliveryResult.retry(null, "SAP did not answer within " + target.timeout());
        } catch (IOException e) {
            return DeliveryResult.retry(null, Causes.describe(e, "SAP at " + target.url()));
        }
    }

    private ObjectNode create(ErpCustomer customer, IntegrationTarget.Sap sap) {
        ObjectNode partner = names(json.createObjectNode(), customer, sap);
        partner.put("BusinessPartnerCategory", sap.category());
        partner.put("SearchTerm1", ("OMNIHUB" + customer.id()).substring(0, Math.min(20, 7 + String.valueOf(
                customer.id()).length())));
        if (!customer.emails().isEmpty() || !customer.phones().isEmpty()) {
            ObjectNode address = json.createObjectNode().put("Country", sap.country());
            ArrayNode emails = address.putObject("to_EmailAddress").putArray("results");
            customer.emails().forEach(e -> emails.addObject().put("EmailAddress", e));
            ArrayNode phones = address.putObject("to_PhoneNumber").putArray("results");
            customer.phones().forEach(p -> phones.addObject().put("PhoneNumber", p));
            partner.putObject("to_BusinessPartnerAddress").putArray("results").add(address);
        }
        return partner;
    }

    /** The customer's name in SAP's fields, within their lengths ({@link SapNames}). */
    private static ObjectNode names(ObjectNode partner, ErpCustomer customer, IntegrationTarget.Sap sap) {
        String name = customer.name() != null && !customer.name().isBlank() ? customer.name().strip()
                : !customer.emails().isEmpty() ? customer.emails().get(0).split("@")[0] : "Customer " + customer.id();
        SapNames.of(name, "2".equals(sap.category())).forEach(partner::put);
        return partner;
    }

    private void remember(ErpCustomer customer, String number) {
        if (number == null) {
            return;
        }
        if (!customers.rememberErpNumber(customer.id(), number)) {
            log.warn("SAP business partner {} was created for customer {}, but another customer has that ERP number",
                    number, customer.id());
        }
    }
}
