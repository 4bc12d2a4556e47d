package io.omnihub.routes.voice;

import io.omnihub.connectors.twilio.TwilioChannels;
import io.omnihub.connectors.bus.StatusUpdate;
import io.omnihub.connectors.twilio.TwilioClients;
import io.omnihub.connectors.twilio.VoiceSettings;
import io.omnihub.routes.media.MediaFetches;
import io.omnihub.routes.status.StatusUpdateHandler;
import io.omnihub.store.interaction.Direction;
import io.omnihub.store.interaction.Interaction;
import io.omnihub.store.interaction.InteractionRepository;
import io.omnihub.store.task.CallbackTasks;
import io.omnihub.store.interaction.Timeline;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What Twilio tells about a call after it started, applied to the call's interaction: the agent
 * who answered, the outcome (ANSWERED, MISSED, BUSY, FAILED), the duration, the recording (fetched
 * into the hub or only referenced, per inbox) and the transcription, which becomes the call's text.
 * An answered call stays answered whatever arrives later; an inbound call nobody answered gets a
 * callback task. News about a call not stored yet is thrown back for the bus to redeliver.
 */
@Component
class CallUpdates implements StatusUpdateHandler {

    private static final Logger log = LoggerFactory.getLogger(CallUpdates.class);
    private static final Set<String> ANSWERED = Set.of("completed", "answered");
    private static final Set<String> FINAL = Set.of("completed", "busy", "no-answer", "failed", "canceled");

    private final InteractionRepository interactions;
    private final CallbackTasks callbacks;
    private final MediaFetches media;
    private final TwilioClients twilio;
    private final Timeline timeline;

    CallUpdates(InteractionRepository interactions, CallbackTasks callbacks, MediaFetches media, TwilioClients twilio,
            Timeline timeline) {
        this.interactions = interactions;
        this.callbacks = callbacks;
        this.media = media;
        this.twilio = twilio;
        this.timeline = timeline;
    }

    @Override
    public String kind() {
        return TwilioChannels.CALL_PROGRESS;
    }

    /** Returns the call's interaction. */
    @Override
    public Long apply(StatusUpdate update) {
        Map<String, Object> facts = update.facts();
        String sid = update.reference();
        Interaction call = interactions.findCall(sid).orElseThrow(() -> new io.omnihub.routes.errors.Premature(
                "news about call " + sid + ", which the hub has not recorded (yet)"));
        List<String> changes = new ArrayList<>();
        if (facts.get("agent") instanceof String agent) {
            call.addMetadata("agent", agent);
            changes.add("answered by " + agent);
            outcome(call, "ANSWERED", changes);
        }
        if (facts.get("dialStatus") instanceof String dial) {
            call.addMetadata("dialStatus", dial);
            outcome(call, ANSWERED.contains(dial) ? "ANSWERED" : "MISSED", changes);
        }
        if (facts.get("callStatus") instanceof String reported) {
            String status = reported.toLowerCase(Locale.ROOT);
            call.addMetadata("callStatus", status);
            if (facts.get("duration") != null) {
                call.addMetadata("durationSeconds", seconds(facts.get("duration")));
                changes.add("lasted " + seconds(facts.get("duration")) + " s");
            }
            if (FINAL.contains(status)) {
                outcome(call, switch (status) {
                    case "busy" -> "BUSY";
                    case "failed" -> "FAILED";
                    default -> "MISSED";
                }, changes);
            }
        }
        if (facts.get("recordingSid") instanceof String recording) {
            recorded(update.inbox(), call, recording, String.valueOf(facts.get("recordingUrl")),
                    facts.get("recordingDuration"));
            changes.add("recording " + recording);
        }
        if (facts.get("transcription") instanceof String text) {
            String status = String.valueOf(facts.get("transcriptionStatus")).toLowerCase(Locale.ROOT);
            call.addMetadata("transcriptionStatus", status);
            if ("completed".equals(status) && !text.isBlank()) {
                call.transcribed(text);
                changes.add("transcribed");
            } else {
                changes.add("transcription " + status);
            }
        }
        if (!changes.isEmpty()) {
            timeline.updated(call, "call " + String.join(", ", changes));
            log.info("call {} ({}): {}", call.getId(), sid, String.join(", ", changes));
        }
        return call.getId();
    }

    /**
     * The call's outcome: the first one reported stands, except that ANSWERED replaces any other (a
     * callback task opened meanwhile is then closed).
     */
    private void outcome(Interaction call, String outcome, List<String> changes) {
        Object current = call.getMetadata().get("callOutcome");
        if (outcome.equals(current) || "ANSWERED".equals(current) || (current != null && !"ANSWERED".equals(outcome))) {
            return;
        }
        call.addMetadata("callOutcome", outcome);
        changes.add(outcome.toLowerCase(Locale.ROOT));
        if (call.getDirection() != Direction.INBOUND) {
            return;
        }
        if ("ANSWERED".equals(outcome)) {
            callbacks.closeFor(call, "the call was answered after all");
        } else {
            callbacks.openFor(call);
            changes.add("callback task opened");
        }
    }

    private void recorded(String inbox, Interaction call, String sid, String url, Object duration) {
        call.addMetadata("recordingSid", sid);
        call.addMetadata("recordingUrl", url);
        if (duration != null) {
            call.addMetadata("recordingSeconds", seconds(duration));
        }
        VoiceSettings voice = twilio.settings(inbox).voice();
        if (voice == null || voice.recordings() == VoiceSettings.RecordingStorage.FETCH) {
            String name = "MISSED".equals(call.getMetadata().get("callOutcome")) ? "voicemail" : "call-recording";
            media.schedule(inbox, call, url + ".mp3", "audio/mpeg", name);
        }
    }

    private static int seconds(Object value) {
        try {
            return Integer.parseInt(String.valueOf(value).strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
