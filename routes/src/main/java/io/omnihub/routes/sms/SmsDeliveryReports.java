package io.omnihub.routes.sms;

import io.omnihub.connectors.twilio.TwilioChannels;
import io.omnihub.connectors.bus.StatusUpdate;
import io.omnihub.routes.errors.Premature;
import io.omnihub.store.interaction.Deliveries;
import io.omnihub.store.interaction.DeliveryStatus;
import io.omnihub.routes.status.StatusUpdateHandler;
import io.omnihub.store.interaction.Interaction;
import io.omnihub.store.interaction.InteractionRepository;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Twilio's status callbacks for the SMS we sent: SENT, then DELIVERED, or FAILED with Twilio's
 * error code. A report never moves a message backwards ({@link Deliveries#record}). A report about
 * a message whose id is not stored yet (the callback overtook the send's own commit) is delivered
 * again a moment later; one about a message the hub never sent is let go with one log line.
 */
@Component
class SmsDeliveryReports implements StatusUpdateHandler {

    private static final Logger log = LoggerFactory.getLogger(SmsDeliveryReports.class);

    private final InteractionRepository interactions;
    private final Deliveries deliveries;

    SmsDeliveryReports(InteractionRepository interactions, Deliveries deliveries) {
        this.interactions = interactions;
        this.deliveries = deliveries;
    }

    @Override
    public String kind() {
        return TwilioChannels.SMS_DELIVERY;
    }

    @Override
    public Long apply(StatusUpdate report) {
        String sid = String.valueOf(report.reference());
        Interaction sent = interactions.findSentAs(sid).orElseThrow(() -> new Premature(
                "a delivery report for SMS " + sid + ", which the hub has not recorded (yet)"));
        String twilioStatus = String.valueOf(report.facts().get("status")).toLowerCase(Locale.ROOT);
        DeliveryStatus status = switch (twilioStatus) {
            case "delivered", "read" -> DeliveryStatus.DELIVERED;
            case "undelivered", "failed" -> DeliveryStatus.FAILED;
            case "queued", "accepted", "scheduled", "sending", "sent" -> DeliveryStatus.SENT;
            default -> null;
        };
        if (status == null) {
            return null;
        }
        Object code = report.facts().get("errorCode");
        String error = status == DeliveryStatus.FAILED ? "Twilio " + twilioStatus
                + (code == null ? "" : ", error " + code) : null;
        if (!deliveries.record(sent, status, error)) {
            return null;
        }
        log.info("SMS {} ({}) is {}", sent.getId(), sid, status);
        return sent.getId();
    }
}
