package io.omnihub.connectors.twilio;

import com.twilio.twiml.MessagingResponse;
import com.twilio.twiml.messaging.Body;
import com.twilio.twiml.messaging.Message;
import io.omnihub.connectors.bus.Address;
import io.omnihub.connectors.bus.AddressNormalizer;
import io.omnihub.connectors.bus.BusUnavailableException;
import io.omnihub.connectors.bus.InboundInteraction;
import io.omnihub.connectors.bus.InboundPublisher;
import io.omnihub.connectors.bus.Sender;
import io.omnihub.connectors.bus.StatusPublisher;
import io.omnihub.connectors.bus.StatusUpdate;
import io.omnihub.connectors.bus.ThreadHints;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /channels/twilio/sms}: Twilio's webhook for an inbound SMS, MMS or WhatsApp message.
 * The signature is checked against the inbox's public URL over the raw form parameters; the
 * message goes on the bus de-duplicated by its MessageSid; the answer is TwiML (empty, or the
 * inbox's auto-reply) once the message is durable. A bad signature is 403 and stores nothing.
 */
@RestController
class TwilioSmsController {

    static final String CHANNEL = TwilioWebhooks.CHANNEL;
    private static final Logger log = LoggerFactory.getLogger(TwilioSmsController.class);

    private final TwilioWebhooks webhooks;
    private final InboundPublisher bus;
    private final StatusPublisher statuses;
    private final AddressNormalizer addresses;
    private final Clock clock;

    TwilioSmsController(TwilioWebhooks webhooks, InboundPublisher bus, StatusPublisher statuses,
            AddressNormalizer addresses, Clock clock) {
        this.webhooks = webhooks;
        this.bus = bus;
        this.statuses = statuses;
        this.addresses = addresses;
        this.clock = clock;
    }

    @PostMapping("/channels/twilio/sms")
    ResponseEntity<?> inbound(HttpServletRequest request) throws IOException {
        TwilioWebhooks.Outcome outcome = webhooks.verify(request, "To");
        if (outcome.refusal() != null) {
            return outcome.refusal();
        }
        TwilioWebhooks.Verified verified = outcome.verified();
        FormParameters params = verified.params();
        TwilioSettings twilio = verified.twilio();
        String to = params.get("To");
        String service = params.get("MessagingServiceSid");
        String messageSid = Optional.ofNullable(params.get("MessageSid")).orElse(params.get("SmsSid"));
        String from = params.get("From");
        if (messageSid == null || from == null) {
            return problem(HttpStatus.BAD_REQUEST, "MessageSid and From are required");
        }
        Optional<String> number = webhooks.phoneOf(from);
        if (number.isEmpty()) {
            return problem(HttpStatus.BAD_REQUEST, "From is not a phone number: " + from);
        }
        String phone = number.get();
        try {
            bus.publish(interaction(verified.inbox(), params, messageSid, phone, to, service,
                    request.getHeader("I-Twilio-Idempotency-Token")));
        } catch (BusUnavailableException e) {
            log.error("Twilio message {} not accepted: the bus is unavailable", messageSid, e);
            return problem(HttpStatus.SERVICE_UNAVAILABLE, "the hub cannot take messages right now");
        }
        MessagingResponse.Builder answer = new MessagingResponse.Builder();
        String word = TwilioSettings.keyword(params.get("Body"));
        String reply = twilio.helpWords().contains(word) && twilio.helpReply() != null ? twilio.helpReply()
                : twilio.optOutWords().contains(word) || twilio.optInWords().contains(word) ? null : twilio.autoReply();
        if (reply != null && !reply.isBlank()) {
            answer.message(new Message.Builder().body(new Body.Builder(reply).build()).build());
        }
        return ResponseEntity.ok().contentType(MediaType.TEXT_XML).body(answer.build().toXml());
    }

    /**
     * {@code POST /channels/twilio/sms/status}: Twilio's status callback for a message we sent
     * (queued, sent, delivered, undelivered, failed + ErrorCode), signature-checked like every
     * webhook and put on the bus as a delivery report for that message.
     */
    @PostMapping("/channels/twilio/sms/status")
    ResponseEntity<?> status(HttpServletRequest request) throws IOException {
        TwilioWebhooks.Outcome outcome = webhooks.verify(request, "From");
        if (outcome.refusal() != null) {
            return outcome.refusal();
        }
        TwilioWebhooks.Verified verified = outcome.verified();
        FormParameters params = verified.params();
        String sid = Optional.ofNullable(params.get("MessageSid")).orElse(params.get("SmsSid"));
        String status = Optional.ofNullable(params.get("MessageStatus")).orElse(params.get("SmsStatus"));
        String to = params.get("To");
        if (sid == null || status == null || to == null) {
            return problem(HttpStatus.BAD_REQUEST, "MessageSid, MessageStatus and To are required");
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("messageSid", sid);
        report.put("status", status);
        if (params.get("ErrorCode") != null) {
            report.put("errorCode", params.get("ErrorCode"));
        }
        try {
            report.put("to", addresses.phone(to));
            statuses.publish(StatusUpdate.of(TwilioChannels.SMS_DELIVERY, CHANNEL, verified.inbox(), sid, status,
                    clock.instant(), report));
        } catch (BusUnavailableException e) {
            return problem(HttpStatus.SERVICE_UNAVAILABLE, "the hub cannot take status reports right now");
        } catch (IllegalArgumentException e) {
            return problem(HttpStatus.BAD_REQUEST, "To is not a phone number: " + to);
        }
        return ResponseEntity.noContent().build();
    }

    private InboundInteraction interaction(String inbox, FormParameters params, String messageSid, String phone,
            String to, String service, String idempotencyToken) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("to", to);
        metadata.put("accountSid", params.get("AccountSid"));
        if (service != null) {
            metadata.put("messagingServiceSid", service);
        }
        if (idempotencyToken != null) {
            metadata.put("idempotencyToken", idempotencyToken);
        }
        int media = parseInt(params.get("NumMedia"));
        if (media > 0) {
            List<Map<String, String>> items = new ArrayList<>();
            for (int i = 0; i < media; i++) {
                String url = params.get("MediaUrl" + i);
                if (url != null) {
                    items.add(Map.of("url", url, "contentType",
                            Optional.ofNullable(params.get("MediaContentType" + i)).orElse("application/octet-stream")));
                }
            }
            metadata.put("media", items);
        }
        String ourSide = service != null ? service : to;
        return InboundInteraction.builder(CHANNEL, inbox, messageSid)
                .direction("INBOUND").kind("MESSAGE").occurredAt(clock.instant())
                .from(new Sender(params.get("ProfileName"), List.of(Address.phone(phone))))
                .text(Optional.ofNullable(params.get("Body")).orElse(""))
                .thread(new ThreadHints(null, List.of(), null, phone + "|" + ourSide))
                .metadata(metadata)
                .build();
    }

    private static int parseInt(String value) {
        try {
            return value == null ? 0 : Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
        return TwilioWebhooks.problem(status, detail);
    }
}
