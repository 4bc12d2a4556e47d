package io.omnihub.routes.webform;

import io.omnihub.connectors.webform.WebFormIntake;
import io.omnihub.store.channel.ChannelType;
import org.springframework.stereotype.Component;

/** Web forms: a submission has no way back of its own (answer it on a channel of the customer's). */
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
}
