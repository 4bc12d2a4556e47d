package io.omnihub.connectors.twilio;

import io.omnihub.connectors.bus.Address;
import io.omnihub.connectors.bus.AddressType;
import io.omnihub.connectors.bus.BusUnavailableException;
import io.omnihub.connectors.bus.InboundInteraction;
import io.omnihub.connectors.bus.StatusPublisher;
import io.omnihub.connectors.bus.StatusUpdate;
import io.omnihub.connectors.bus.InboundPublisher;
import io.omnihub.connectors.bus.Sender;
import io.omnihub.connectors.bus.ThreadHints;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Twilio Voice webhooks. {@code POST /channels/twilio/voice} answers an incoming call with TwiML
 * (greeting, the inbox's agents rung at once, voicemail when nobody answers) and puts the call on
 * the bus at once, so it opens or continues the caller's conversation while it rings. The other
 * endpoints report what became of the call — which agent answered, the dial's outcome, the final
 * status and duration, the recording, the transcription — as {@code CALL_PROGRESS} status reports on
 * {@code hub.status}, which the status route applies to the call's interaction. Every one is
 * signature-checked.
 */
@RestController
class TwilioVoiceController {

    static final String CHANNEL = TwilioChannels.VOICE;
    /** Call metadata: the caller withheld their number (there is nobody to call back). */
    public static final String CALLER_ID_WITHHELD = "callerIdWithheld";
    private static final Logger log = LoggerFactory.getLogger(TwilioVoiceController.class);
    private static final Set<String> ANSWERED = Set.of("completed", "answered");

    private final TwilioWebhooks webhooks;
    private final InboundPublisher bus;
    private final StatusPublisher statuses;
    private final Clock clock;

    TwilioVoiceController(TwilioWebhooks webhooks, InboundPublisher bus, StatusPublisher statuses, Clock clock) {
        this.webhooks = webhooks;
        this.bus = bus;
        this.statuses = statuses;
        this.clock = clock;
    }

    @PostMapping("/channels/twilio/voice")
    ResponseEntity<?> incoming(HttpServletRequest request) throws IOException {
        TwilioWebhooks.Outcome outcome = webhooks.verify(request, "To");
        if (outcome.refusal() != null) {
            return outcome.refusal();
        }
        TwilioWebhooks.Verified call = outcome.verified();
        FormParameters params = call.params();
        if (call.twilio().voice() == null) {
            return twiml(VoiceTwiml.notTakingCalls());
        }
        String callSid = params.get("CallSid");
        String to = params.get("To");
        String caller = Optional.ofNullable(params.get("From")).orElse(params.get("Caller"));
        if (callSid == null || caller == null || to == null) {
            return TwilioWebhooks.problem(HttpStatus.BAD_REQUEST, "CallSid, From and To are required");
        }
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("callSid", callSid);
        metadata.put("to", to);
        metadata.put("callStatus", Optional.ofNullable(params.get("CallStatus")).orElse("ringing"));
        Optional.ofNullable(params.get("CallerName")).ifPresent(name -> metadata.put("callerName", name));
        Sender from;
        String threadKey;
        if (TwilioWebhooks.withheld(caller)) {
            // rung like any call; recorded for a caller of its own, whom an agent may merge with the real customer
            metadata.put(CALLER_ID_WITHHELD, true);
            metadata.put("callerId", caller);
            from = new Sender("Withheld number", List.of(new Address(AddressType.EXTERNAL, "withheld-call:" + callSid)));
            threadKey = "withheld:" + callSid + "|" + to;
        } else {
            Optional<String> number = webhooks.phoneOf(caller);
            if (number.isEmpty()) {
                return TwilioWebhooks.problem(HttpStatus.BAD_REQUEST, "the caller " + caller
                        + " is not a phone number (a Client identity or SIP address calls through our number)");
            }
            from = new Sender(params.get("CallerName"), List.of(Address.phone(number.get())));
            threadKey = number.get() + "|" + to;
        }
        try {
            bus.publish(InboundInteraction.builder(CHANNEL, call.inbox(), callSid)
                    .direction("INBOUND").kind("CALL").occurredAt(clock.instant())
                    .from(from)
                    .text("")
                    .thread(new ThreadHints(null, List.of(), null, threadKey))
                    .metadata(metadata)
                    .build());
        } catch (BusUnavailableException e) {
            log.error("call {} not accepted: the bus is unavailable (Twilio tries the fallback URL)", callSid, e);
            return TwilioWebhooks.problem(HttpStatus.SERVICE_UNAVAILABLE, "the hub cannot take calls right now");
        }
        return twiml(VoiceTwiml.incoming(call.twilio(), call.inbox()));
    }

    /** One of the inbox's agents picked up (their {@code <Number>}/{@code <Client>} status callback). */
    @PostMapping("/channels/twilio/voice/agent")
    ResponseEntity<?> agentAnswered(HttpServletRequest request) throws IOException {
        return update(request, "ParentCallSid", (verified, report) -> {
            String agent = Optional.ofNullable(verified.query().get("agent")).orElse("unknown");
            report.put("agent", agent);
            return "agent:" + agent;
        }, null);
    }

    /** The agents were rung: answered, or not (then voicemail follows, or for our own calls, the end). */
    @PostMapping("/channels/twilio/voice/dial")
    ResponseEntity<?> dialed(HttpServletRequest request) throws IOException {
        return update(request, "CallSid", (verified, report) -> {
            FormParameters params = verified.params();
            String status = Optional.ofNullable(params.get("DialCallStatus")).orElse("failed");
            report.put("dialStatus", status);
            Optional.ofNullable(params.get("DialCallDuration")).ifPresent(d -> report.put("dialDuration", d));
            return "dial:" + status;
        }, (v, params) -> VoiceTwiml.afterDial(v.twilio(), v.inbox(),
                ANSWERED.contains(Optional.ofNullable(params.get("DialCallStatus")).orElse("")),
                Optional.ofNullable(params.get("Direction")).orElse("").startsWith("outbound")));
    }

    /** The call's own status callback: completed, busy, no-answer, failed or canceled, with its duration. */
    @PostMapping("/channels/twilio/voice/status")
    ResponseEntity<?> status(HttpServletRequest request) throws IOException {
        return update(request, "CallSid", (verified, report) -> {
            FormParameters params = verified.params();
            String status = params.get("CallStatus");
            if (status == null) {
                return null;
            }
            report.put("callStatus", status);
            Optional.ofNullable(params.get("CallDuration")).ifPresent(d -> report.put("duration", d));
            return "status:" + status;
        }, null);
    }

    /** A recording is ready (voicemail, or a recorded call). */
    @PostMapping("/channels/twilio/voice/recording")
    ResponseEntity<?> recording(HttpServletRequest request) throws IOException {
        return update(request, "CallSid", (verified, report) -> {
            FormParameters params = verified.params();
            String sid = params.get("RecordingSid");
            String url = params.get("RecordingUrl");
            if (sid == null || url == null) {
                return null;
            }
            report.put("recordingSid", sid);
            report.put("recordingUrl", url);
            report.put("recordingStatus", Optional.ofNullable(params.get("RecordingStatus")).orElse("completed"));
            Optional.ofNullable(params.get("RecordingDuration")).ifPresent(d -> report.put("recordingDuration", d));
            return "recording:" + sid;
        }, null);
    }

    /** Twilio transcribed a voicemail. */
    @PostMapping("/channels/twilio/voice/transcription")
    ResponseEntity<?> transcription(HttpServletRequest request) throws IOException {
        return update(request, "CallSid", (verified, report) -> {
            FormParameters params = verified.params();
            String status = Optional.ofNullable(params.get("TranscriptionStatus")).orElse("completed");
            report.put("transcriptionStatus", status);
            report.put("transcription", Optional.ofNullable(params.get("TranscriptionText")).orElse(""));
            return "transcription:" + Optional.ofNullable(params.get("TranscriptionSid")).orElse(status);
        }, null);
    }

    /** Where voicemail's {@code <Record>} goes when it ends: the goodbye. */
    @PostMapping("/channels/twilio/voice/hangup")
    ResponseEntity<?> hangup(HttpServletRequest request) throws IOException {
        TwilioWebhooks.Outcome outcome = webhooks.verify(request, "To");
        return outcome.refusal() != null ? outcome.refusal() : twiml(VoiceTwiml.hangup());
    }

    /** Reads one callback's facts into a report; returns its distinct event name, or null when it has none. */
    private interface Reading {
        String read(TwilioWebhooks.Verified verified, Map<String, Object> report);
    }

    /** The TwiML to answer with, for callbacks that continue the call. */
    private interface Answer {
        String twiml(TwilioWebhooks.Verified verified, FormParameters params);
    }

    private ResponseEntity<?> update(HttpServletRequest request, String callSidParameter, Reading reading,
            Answer answer) throws IOException {
        TwilioWebhooks.Outcome outcome = webhooks.verify(request, "To");
        if (outcome.refusal() != null) {
            return outcome.refusal();
        }
        TwilioWebhooks.Verified verified = outcome.verified();
        FormParameters params = verified.params();
        String callSid = params.get(callSidParameter);
        Map<String, Object> report = new LinkedHashMap<>();
        String event = callSid == null ? null : reading.read(verified, report);
        if (event == null) {
            return TwilioWebhooks.problem(HttpStatus.BAD_REQUEST, "this callback lacks " + callSidParameter
                    + " or the facts it reports");
        }
        report.put("callSid", callSid);
        try {
            statuses.publish(StatusUpdate.of(TwilioChannels.CALL_PROGRESS, CHANNEL, verified.inbox(), callSid,
                    event, clock.instant(), report));
        } catch (BusUnavailableException e) {
            log.error("call update {} for {} not accepted: the bus is unavailable", event, callSid, e);
            return TwilioWebhooks.problem(HttpStatus.SERVICE_UNAVAILABLE, "the hub cannot take call updates right now");
        }
        return answer == null ? ResponseEntity.noContent().build() : twiml(answer.twiml(verified, params));
    }

    private static ResponseEntity<String> twiml(String xml) {
        return ResponseEntity.ok().contentType(MediaType.TEXT_XML).body(xml);
    }
}
