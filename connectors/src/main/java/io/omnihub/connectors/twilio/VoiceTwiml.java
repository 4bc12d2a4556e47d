package io.omnihub.connectors.twilio;

import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.voice.Client;
import com.twilio.twiml.voice.Dial;
import com.twilio.twiml.voice.Hangup;
import com.twilio.twiml.voice.Number;
import com.twilio.twiml.voice.Record;
import com.twilio.twiml.voice.Say;
import java.net.URI;
import java.util.List;

/**
 * The TwiML the hub answers calls with, built with the SDK's TwiML classes. Every callback URL
 * names the inbox ({@code ?inbox=}), since some of Twilio's callbacks carry no number to find it by.
 */
public final class VoiceTwiml {

    static final String VOICE_PATH = "/channels/twilio/voice";

    private VoiceTwiml() {
    }

    /** A callback URL of this inbox under {@code /channels/twilio/voice}. */
    public static URI callback(TwilioSettings twilio, String inbox, String path) {
        return twilio.callbackUrl(VOICE_PATH + path + "?inbox=" + inbox);
    }

    /** An incoming call: the greeting, then the agents rung at once; voicemail when nobody can be rung. */
    static String incoming(TwilioSettings twilio, String inbox) {
        VoiceSettings voice = twilio.voice();
        VoiceResponse.Builder answer = new VoiceResponse.Builder();
        if (voice.greeting() != null && !voice.greeting().isBlank()) {
            answer.say(new Say.Builder(voice.greeting()).build());
        }
        if (voice.agents().isEmpty()) {
            return voicemail(answer, twilio, inbox);
        }
        Dial.Builder dial = new Dial.Builder().timeout((int) voice.ringTimeout().toSeconds()).answerOnBridge(true)
                .action(callback(twilio, inbox, "/dial"));
        for (VoiceSettings.Agent agent : voice.agents()) {
            URI agentAnswered = twilio.callbackUrl(VOICE_PATH + "/agent?inbox=" + inbox + "&agent=" + agent.user());
            if (agent.number() != null) {
                dial.number(new Number.Builder(agent.number()).statusCallback(agentAnswered)
                        .statusCallbackEvents(List.of(Number.Event.ANSWERED)).build());
            } else {
                dial.client(new Client.Builder().identity(agent.client()).statusCallback(agentAnswered)
                        .statusCallbackEvents(List.of(Client.Event.ANSWERED)).build());
            }
        }
        return answer.dial(dial.build()).build().toXml();
    }

    /** After the agents were rung: nothing more when one answered, else voicemail. */
    static String afterDial(TwilioSettings twilio, String inbox, boolean answered, boolean outbound) {
        VoiceResponse.Builder answer = new VoiceResponse.Builder();
        if (answered) {
            return answer.hangup(new Hangup.Builder().build()).build().toXml();
        }
        if (outbound) {
            return answer.say(new Say.Builder("The customer did not answer.").build())
                    .hangup(new Hangup.Builder().build()).build().toXml();
        }
        return voicemail(answer, twilio, inbox);
    }

    private static String voicemail(VoiceResponse.Builder answer, TwilioSettings twilio, String inbox) {
        VoiceSettings voice = twilio.voice();
        Record.Builder record = new Record.Builder().playBeep(true)
                .maxLength((int) voice.maxVoicemail().toSeconds())
                .action(callback(twilio, inbox, "/hangup"))
                .recordingStatusCallback(callback(twilio, inbox, "/recording"))
                .recordingStatusCallbackEvents(List.of(Record.RecordingEvent.COMPLETED));
        if (voice.transcribe()) {
            record.transcribe(true).transcribeCallback(callback(twilio, inbox, "/transcription"));
        }
        return answer.say(new Say.Builder(voice.voicemailPrompt()).build()).record(record.build())
                .hangup(new Hangup.Builder().build()).build().toXml();
    }

    /** The end of a call. */
    static String hangup() {
        return new VoiceResponse.Builder().say(new Say.Builder("Thank you. Goodbye.").build())
                .hangup(new Hangup.Builder().build()).build().toXml();
    }

    /** A call to a number without voice set up. */
    static String notTakingCalls() {
        return new VoiceResponse.Builder().say(new Say.Builder("This number does not take calls. Please send a "
                + "text message instead.").build()).hangup(new Hangup.Builder().build()).build().toXml();
    }

    /**
     * Click-to-call: the agent's phone rings first (that is the call Twilio places); once they pick
     * up, this bridges them to the customer, showing our number.
     */
    public static String bridgeToCustomer(TwilioSettings twilio, String inbox, String customerPhone) {
        return new VoiceResponse.Builder()
                .say(new Say.Builder("Connecting you to the customer.").build())
                .dial(new Dial.Builder().callerId(twilio.numbers().get(0)).answerOnBridge(true)
                        .action(callback(twilio, inbox, "/dial")).number(new Number.Builder(customerPhone).build())
                        .build())
                .build().toXml();
    }
}
