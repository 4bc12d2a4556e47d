package io.omnihub.routes.voice;

import io.omnihub.connectors.twilio.TwilioChannels;
import io.omnihub.store.channel.ChannelType;
import org.springframework.stereotype.Component;

/** Phone calls through Twilio (the hub places outbound calls, but an agent's written answer goes by SMS). */
@Component
class VoiceChannel implements ChannelType {

    @Override
    public String key() {
        return TwilioChannels.VOICE;
    }

    @Override
    public String label() {
        return "Calls";
    }

    /** The hub places calls an agent starts. */
    @Override
    public boolean sends() {
        return true;
    }

    /** A call is answered in writing by SMS to the caller's number. */
    @Override
    public String answeredOn() {
        return TwilioChannels.SMS;
    }
}
