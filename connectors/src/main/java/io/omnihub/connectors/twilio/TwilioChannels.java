package io.omnihub.connectors.twilio;

/** The two channels a Twilio inbox serves: its messages and its calls. */
public final class TwilioChannels {

    /** SMS, MMS and WhatsApp messages. */
    public static final String SMS = "sms";
    /** Phone calls, in and out. */
    public static final String VOICE = "voice";

    private TwilioChannels() {
    }
}
