package io.omnihub.routes.webform;

import io.omnihub.connectors.email.MailInteractions;
import io.omnihub.connectors.webform.WebFormIntake;
import io.omnihub.store.channel.ChannelType;
import org.springframework.stereotype.Component;

/**
 * Web forms: a submission has no way back of its own. It is answered by email (through the form inbox's
 * {@code reply-mailbox}) when the customer gave an address, else on another channel they can be reached on.
 */
@Component
class WebFormChannel implements ChannelType {

    @Override
    public String key() {
        return WebFormIntake.CHANNEL;
    }

    @Override
    public String label() {
        return "Forms";
    }

    @Override
    public String answeredOn() {
        return MailInteractions.CHANNEL;
    }
}
