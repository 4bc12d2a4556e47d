package io.omnihub.routes.webform;

import io.omnihub.connectors.webform.WebFormIntake;
import io.omnihub.routes.correlation.ThreadDecision;
import io.omnihub.routes.correlation.ThreadingRule;
import io.omnihub.connectors.bus.InboundInteraction;
import io.omnihub.store.customer.Customer;
import io.omnihub.store.inbox.Inbox;
import org.springframework.stereotype.Component;

/** Every form submission is a new request and opens its own conversation. */
@Component
class WebFormThreading implements ThreadingRule {

    @Override
    public String channel() {
        return WebFormIntake.CHANNEL;
    }

    @Override
    public ThreadDecision decide(InboundInteraction interaction, Inbox inbox, Customer customer) {
        return ThreadDecision.open("webform-submission", null);
    }
}
