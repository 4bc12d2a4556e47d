package io.omnihub.routes.sms;

import io.omnihub.connectors.twilio.TwilioChannels;
import io.omnihub.store.channel.ReplyAddressing;
import io.omnihub.store.customer.ContactPointType;
import java.util.Optional;
import io.omnihub.store.channel.ChannelType;
import org.springframework.stereotype.Component;

/** SMS and MMS through Twilio: answered by SMS to the customer's number, from another channel's conversation through the inbox's {@code reply-sms}. */
@Component
class SmsChannel implements ChannelType {

    @Override
    public String key() {
        return TwilioChannels.SMS;
    }

    @Override
    public String label() {
        return "SMS";
    }

    @Override
    public Optional<ReplyAddressing> replies() {
        return Optional.of(ReplyAddressing.toContact(ContactPointType.PHONE, "reply-sms", "phone number"));
    }
}
