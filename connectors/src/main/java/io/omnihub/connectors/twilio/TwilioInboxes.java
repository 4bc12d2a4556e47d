package io.omnihub.connectors.twilio;

import java.util.Map;
import java.util.Optional;

/** The Twilio inboxes the hub serves, as this channel sees them (implemented by the inbox configuration). */
public interface TwilioInboxes {

    /** The Twilio settings of inbox {@code key}, when it has them. */
    Optional<TwilioSettings> twilio(String key);

    /** Every inbox of the Twilio channel ({@code sms}, with or without voice) by key, in configuration order. */
    Map<String, TwilioSettings> twilioInboxes();
}
