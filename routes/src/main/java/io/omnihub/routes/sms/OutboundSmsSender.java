package io.omnihub.routes.sms;

import io.omnihub.connectors.twilio.TwilioChannels;
import io.omnihub.routes.outbound.ChannelSender;
import com.twilio.exception.ApiException;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.rest.api.v2010.account.MessageCreator;
import com.twilio.type.PhoneNumber;
import io.omnihub.connectors.twilio.TwilioApiFailures;
import io.omnihub.connectors.twilio.MediaLinks;
import io.omnihub.connectors.twilio.TwilioClients;
import io.omnihub.store.interaction.Attachment;
import io.omnihub.store.interaction.AttachmentRepository;
import java.util.List;
import io.omnihub.connectors.twilio.TwilioSettings;
import io.omnihub.store.interaction.Deliveries;
import io.omnihub.store.interaction.DeliveryStatus;
import io.omnihub.routes.outbound.SendPacing;
import io.omnihub.store.customer.Consent;
import io.omnihub.store.customer.ContactPointRepository;
import io.omnihub.store.customer.ContactPointType;
import io.omnihub.store.inbox.InboxRepository;
import io.omnihub.store.interaction.Interaction;
import io.omnihub.store.interaction.InteractionRepository;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends one queued SMS reply with the Twilio SDK ({@code Message.creator}) from the inbox's
 * Messaging Service or first number, asking Twilio for status callbacks; a reply with files goes
 * as an MMS, each file a {@code MediaUrl} the hub serves under a signed link (within Twilio's 10
 * files and 5 MB, else FAILED with the reason). Twilio's 429 and 5xx are
 * retried by the bus with backoff; any other 4xx (21211 invalid number, 21610 opted out, …) fails
 * the reply with Twilio's code and message, without retry. Sends from a number are paced to the
 * inbox's {@code send-rate}.
 */
@Component
class OutboundSmsSender implements ChannelSender {

    private static final Logger log = LoggerFactory.getLogger(OutboundSmsSender.class);
    /** Twilio: "Attempt to send to unsubscribed recipient". */
    static final int OPTED_OUT_ERROR = 21610;

    /** Twilio's limits on an MMS: at most 10 files, 5 MB in all. */
    static final int MAX_MEDIA = 10;
    static final long MAX_MEDIA_BYTES = 5L * 1024 * 1024;

    private record Prepared(String inbox, String to, String body, List<Attachment> files) {
    }

    private final InteractionRepository interactions;
    private final InboxRepository inboxRows;
    private final Deliveries deliveries;
    private final TwilioClients twilio;
    private final ContactPointRepository contactPoints;
    private final AttachmentRepository attachments;
    private final TransactionTemplate transaction;
    private final SendPacing pacing = new SendPacing();

    OutboundSmsSender(InteractionRepository interactions, InboxRepository inboxRows, Deliveries deliveries,
            TwilioClients twilio, ContactPointRepository contactPoints, AttachmentRepository attachments,
            TransactionTemplate transaction) {
        this.interactions = interactions;
        this.inboxRows = inboxRows;
        this.deliveries = deliveries;
        this.twilio = twilio;
        this.contactPoints = contactPoints;
        this.attachments = attachments;
        this.transaction = transaction;
    }

    @Override
    public String channel() {
        return TwilioChannels.SMS;
    }

    @Override
    public void send(long interactionId) {
        Prepared prepared = transaction.execute(status -> {
            Interaction reply = interactions.findById(interactionId).orElse(null);
            if (reply == null || reply.delivery() != DeliveryStatus.QUEUED) {
                return null;
            }
            String inbox = inboxRows.findById(reply.getInboxId()).orElseThrow().getKey();
            return new Prepared(inbox, String.valueOf(reply.getMetadata().get("to")), reply.getBodyText(),
                    attachments.findByInteractionIdInOrderByIdAsc(List.of(interactionId)));
        });
        if (prepared == null) {
            return;
        }
        String tooMuch = mediaProblem(prepared.files());
        if (tooMuch != null) {
            deliveries.report(interactionId, DeliveryStatus.FAILED, tooMuch, Map.of());
            return;
        }
        TwilioSettings settings = twilio.settings(prepared.inbox());
        MessageCreator creator = settings.messagingServiceSid() != null
                ? Message.creator(new PhoneNumber(prepared.to()), settings.messagingServiceSid(), prepared.body())
                : Message.creator(new PhoneNumber(prepared.to()), new PhoneNumber(settings.numbers().get(0)),
                        prepared.body());
        creator.setStatusCallback(settings.callbackUrl("/channels/twilio/sms/status"));
        if (!prepared.files().isEmpty()) {
            // an MMS: Twilio fetches each file from the hub under a signed link that expires
            java.time.Instant now = java.time.Instant.now();
            creator.setMediaUrl(prepared.files().stream().map(a -> MediaLinks.link(settings, prepared.inbox(),
                    a.getId(), a.getFileName(), now)).toList());
        }
        Message sent;
        try {
            if (settings.messagingServiceSid() == null) {
                pacing.await(settings.numbers().get(0), settings.sendRate());
            }
            sent = creator.create(twilio.forInbox(prepared.inbox()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while pacing SMS " + interactionId + ": sent later", e);
        } catch (ApiException e) {
            String reason = TwilioApiFailures.finalReason(e);
            // the opt-out first: whoever sees the reply FAILED sees why, and a resend is refused
            if (Integer.valueOf(OPTED_OUT_ERROR).equals(e.getCode())) {
                optedOut(prepared.to());
            }
            deliveries.report(interactionId, DeliveryStatus.FAILED, reason, Map.of());
            return;
        }
        deliveries.report(interactionId, DeliveryStatus.SENT, null, Map.of("messageSid", sent.getSid()));
        log.info("SMS reply {} handed to Twilio as {}", interactionId, sent.getSid());
    }

    /** Why the files cannot go as one MMS, or null. */
    static String mediaProblem(List<Attachment> files) {
        if (files.size() > MAX_MEDIA) {
            return "an MMS carries at most " + MAX_MEDIA + " files (Twilio's limit); this reply has " + files.size();
        }
        long bytes = files.stream().mapToLong(Attachment::getSizeBytes).sum();
        if (bytes > MAX_MEDIA_BYTES) {
            return "an MMS carries at most 5 MB of files (Twilio's limit); this reply's files are "
                    + (bytes * 10 / 1024 / 1024) / 10.0 + " MB: send them by email";
        }
        return null;
    }

    /** Twilio refused because the number sent STOP: recorded on the contact point. */
    private void optedOut(String phone) {
        transaction.executeWithoutResult(tx -> contactPoints.findByTypeAndValue(ContactPointType.PHONE, phone)
                .ifPresent(cp -> cp.consent(Consent.OPTED_OUT, java.time.Instant.now())));
    }
}
