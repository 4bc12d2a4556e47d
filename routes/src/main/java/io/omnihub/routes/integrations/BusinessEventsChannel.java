package io.omnihub.routes.integrations;

import io.omnihub.store.integration.BusinessEventOutcomes;
import io.omnihub.store.channel.ChannelType;
import org.springframework.stereotype.Component;

/** Orders, shipments and other ERP/SCM events on the customer's timeline: not answered. */
@Component
class BusinessEventsChannel implements ChannelType {

    @Override
    public String key() {
        return BusinessEventOutcomes.CHANNEL;
    }

    @Override
    public String label() {
        return "Business events";
    }

    /** Events join a customer's timeline; no conversation begins with one. */
    @Override
    public boolean opensConversations() {
        return false;
    }
}
