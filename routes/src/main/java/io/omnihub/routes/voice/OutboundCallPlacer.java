package io.omnihub.routes.voice;

import io.omnihub.connectors.twilio.TwilioChannels;
import io.omnihub.routes.outbound.ChannelSender;
import com.twilio.exception.ApiException;
import com.twilio.rest.api.v2010.account.Call;
import com.twilio.rest.api.v2010.account.CallCreator;
import com.twilio.type.PhoneNumber;
import com.twilio.type.Twiml;
import io.omnihub.connectors.twilio.TwilioApiFailures;
import io.omnihub.connectors.twilio.TwilioClients;
import io.omnihub.connectors.twilio.TwilioSettings;
import io.omnihub.connectors.twilio.VoiceSettings;
import io.omnihub.connectors.twilio.VoiceTwiml;
import io.omnihub.store.interaction.Deliveries;
import io.omnihub.store.interaction.DeliveryStatus;
import io.omnihub.store.inbox.InboxRepository;
import io.omnihub.store.interaction.Interaction;
import io.omnihub.store.interaction.InteractionRepository;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Places one click-to-call with the Twilio SDK ({@code Call.creator}): Twilio rings the agent's
 * phone from the inbox's number and, when they answer, runs TwiML that bridges them to the
 * customer. Status callbacks go to {@code /channels/twilio/voice/status}. Twilio's 429 and 5xx are
 * retried by the bus; other 4xx fail the call with Twilio's code and message.
 */
@Component
class OutboundCallPlacer implements ChannelSender {

    private static final Logger log = LoggerFactory.getLogger(OutboundCallPlacer.class);

    private record Prepared(String inbox, String customer, String agent, String agentPhone) {
    }

    private final InteractionRepository interactions;
    private final InboxRepository inboxRows;
    private final Deliveries deliveries;
    private final TwilioClients twilio;
    private final TransactionTemplate transaction;

    OutboundCallPlacer(InteractionRepository interactions, InboxRepository inboxRows, Deliveries deliveries,
            TwilioClients twilio, TransactionTemplate transaction) {
        this.interactions = interactions;
        this.inboxRows = inboxRows;
        this.deliveries = deliveries;
        this.twilio = twilio;
        this.transaction = transaction;
    }

    @Override
    public String channel() {
        return TwilioChannels.VOICE;
    }

    @Override
    public void send(long interactionId) {
        Prepared prepared = transaction.execute(status -> {
            Interaction call = interactions.findById(interactionId).orElse(null);
            if (call == null || call.delivery() != DeliveryStatus.QUEUED) {
                return null;
            }
            Map<String, Object> m = call.getMetadata();
            return new Prepared(inboxRows.findById(call.getInboxId()).orElseThrow().getKey(), String.valueOf(m.get("to")),
                    String.valueOf(m.get("agent")), m.get("agentPhone") instanceof String p ? p : null);
        });
        if (prepared == null) {
            return;
        }
        TwilioSettings settings = twilio.settings(prepared.inbox());
        Optional<String> agentPhone = Optional.ofNullable(prepared.agentPhone()).or(() -> Optional
                .ofNullable(settings.voice()).flatMap(v -> v.agent(prepared.agent())).map(VoiceSettings.Agent::number));
        if (agentPhone.isEmpty() || settings.numbers().isEmpty()) {
            deliveries.report(interactionId, DeliveryStatus.FAILED, settings.numbers().isEmpty()
                    ? "inbox " + prepared.inbox() + " has no number of its own to call from"
                    : "no phone for agent " + prepared.agent() + ": give agentPhone, or list the agent under the "
                            + "inbox's voice.agents with a number", Map.of());
            return;
        }
        CallCreator creator = Call.creator(new PhoneNumber(agentPhone.get()), new PhoneNumber(settings.numbers().get(0)),
                new Twiml(VoiceTwiml.bridgeToCustomer(settings, prepared.inbox(), prepared.customer())));
        creator.setStatusCallback(VoiceTwiml.callback(settings, prepared.inbox(), "/status"));
        creator.setStatusCallbackEvent(List.of("completed"));
        Call placed;
        try {
            placed = creator.create(twilio.forInbox(prepared.inbox()));
        } catch (ApiException e) {
            String reason = TwilioApiFailures.finalReason(e);
            deliveries.report(interactionId, DeliveryStatus.FAILED, reason, Map.of());
            return;
        }
        deliveries.report(interactionId, DeliveryStatus.SENT, null, Map.of("callSid", placed.getSid(), "agentPhone",
                agentPhone.get()));
        log.info("call {} placed as {}: {} first, then {}", interactionId, placed.getSid(), prepared.agent(),
                prepared.customer());
    }
}
