package io.omnihub.connectors.twilio;

/** The two channels a Twilio inbox serves: its messages and its calls. */
public final class TwilioChannels {

    /** SMS, MMS and WhatsApp messages. */
    public static final String SMS = "sms";
    /** Phone calls, in and out. */
    public static final String VOICE = "voice";

    /** Status reports of an SMS/MMS the hub sent: sent, delivered, undelivered, failed. */
    public static final String SMS_DELIVERY = "SMS_DELIVERY";
    /** Status reports of a call: answered by, dial and call status, duration, recording, transcription. */
    public static final String CALL_PROGRESS = "CALL_PROGRESS";

    private TwilioChannels() {
    }
}
