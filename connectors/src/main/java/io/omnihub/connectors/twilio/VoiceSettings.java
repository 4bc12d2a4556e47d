package io.omnihub.connectors.twilio;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Incoming calls to a Twilio inbox's numbers, {@code omnihub.inboxes.<key>.twilio.voice}.
 *
 * @param greeting        said to the caller first, optional
 * @param agents          who is rung, all at once, until one answers: each a phone number or a Twilio
 *                        Client identity, named after the agent's user name
 * @param ringTimeout     how long the agents' phones ring before the caller is offered voicemail (default 20 s)
 * @param voicemailPrompt said before the voicemail beep
 * @param maxVoicemail    the longest voicemail recorded (default 2 minutes)
 * @param transcribe      whether Twilio transcribes voicemails (English, up to 2 minutes; default true)
 * @param recordings      {@code FETCH} stores each recording in the hub like MMS media (default);
 *                        {@code REFERENCE} keeps only Twilio's URL (the recording stays at Twilio)
 */
public record VoiceSettings(String greeting, @DefaultValue List<Agent> agents, Duration ringTimeout,
        String voicemailPrompt, Duration maxVoicemail, Boolean transcribe, RecordingStorage recordings) {

    /** How recordings are kept. */
    public enum RecordingStorage { FETCH, REFERENCE }

    /**
     * One agent's phone.
     *
     * @param user   the agent's user name in the hub (shown as who took the call)
     * @param number their phone in E.164, or
     * @param client their Twilio Client identity (a softphone in the browser)
     */
    public record Agent(String user, String number, String client) {
    }

    public VoiceSettings {
        agents = agents == null ? List.of() : List.copyOf(agents);
        ringTimeout = ringTimeout == null ? Duration.ofSeconds(20) : ringTimeout;
        voicemailPrompt = voicemailPrompt == null
                ? "Nobody can take your call right now. Please leave a message after the tone." : voicemailPrompt;
        maxVoicemail = maxVoicemail == null ? Duration.ofMinutes(2) : maxVoicemail;
        transcribe = transcribe == null || transcribe;
        recordings = recordings == null ? RecordingStorage.FETCH : recordings;
    }

    /** The agent with this user name, if they have a phone here. */
    public java.util.Optional<Agent> agent(String user) {
        return agents.stream().filter(a -> a.user().equals(user)).findFirst();
    }

    void check(String where) {
        for (int i = 0; i < agents.size(); i++) {
            Agent agent = agents.get(i);
            if (agent.user() == null || agent.user().isBlank()) {
                throw new IllegalArgumentException(where + ".agents[" + i + "].user is required");
            }
            if ((agent.number() == null) == (agent.client() == null)) {
                throw new IllegalArgumentException(where + ".agents[" + i + "]: give a number or a client, not both");
            }
        }
        if (ringTimeout.isNegative() || ringTimeout.toSeconds() < 5 || ringTimeout.toSeconds() > 600) {
            throw new IllegalArgumentException(where + ".ring-timeout must be between 5 s and 600 s (Twilio's range)");
        }
        if (maxVoicemail.toSeconds() < 1 || maxVoicemail.toHours() >= 24) {
            throw new IllegalArgumentException(where + ".max-voicemail must be between 1 s and 24 h");
        }
    }
}
