package io.omnihub.connectors.twilio;

import io.omnihub.connectors.bus.AddressNormalizer;
import io.omnihub.connectors.inbox.InboxSettings;
import io.omnihub.connectors.inbox.InboxesProperties;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * What every Twilio webhook goes through first: the raw form body is read (at most 64 KiB), the
 * inbox is found — by the {@code inbox} query parameter of callback URLs the hub generated itself,
 * else by our number or Messaging Service in the parameters — and the signature is checked
 * against that inbox's public URL and auth token. Anything else is an error answer.
 */
@Component
class TwilioWebhooks {

    static final String CHANNEL = "sms";
    private static final Logger log = LoggerFactory.getLogger(TwilioWebhooks.class);
    private static final int MAX_BODY = 64 * 1024;

    private final InboxesProperties inboxes;
    private final AddressNormalizer addresses;

    TwilioWebhooks(InboxesProperties inboxes, AddressNormalizer addresses) {
        this.inboxes = inboxes;
        this.addresses = addresses;
    }

    /**
     * The E.164 number behind a Twilio address ({@code +1…}, {@code whatsapp:+1…}); empty for what is
     * not a phone number: a Client identity ({@code client:bob}) or a withheld caller
     * ({@code anonymous}, {@code +266696687}, {@code Restricted}).
     */
    Optional<String> phoneOf(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String number = raw.startsWith("whatsapp:") ? raw.substring(9) : raw;
        if (number.startsWith("client:")) {
            return Optional.empty();
        }
        try {
            return Optional.of(addresses.phone(number));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** A webhook whose signature matched: the inbox it is for, its parameters and its URL's query. */
    record Verified(String inbox, TwilioSettings twilio, FormParameters params, FormParameters query) {
    }

    /** Either the verified webhook or the answer to give instead. */
    record Outcome(Verified verified, ResponseEntity<ProblemDetail> refusal) {
    }

    /**
     * @param ourNumberParameter the parameter naming our number on this webhook ({@code To} on
     *                           inbound messages and calls, {@code From} on status callbacks of sends)
     */
    Outcome verify(HttpServletRequest request, String ourNumberParameter) throws IOException {
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(MAX_BODY + 1);
        }
        if (body.length > MAX_BODY) {
            return refuse(HttpStatus.PAYLOAD_TOO_LARGE, "a Twilio webhook is at most " + MAX_BODY + " bytes");
        }
        FormParameters params = FormParameters.parse(body);
        FormParameters query = FormParameters.parse(request.getQueryString() == null ? new byte[0]
                : request.getQueryString().getBytes(StandardCharsets.US_ASCII));
        String named = query.get("inbox");
        String ours = params.get(ourNumberParameter);
        String service = params.get("MessagingServiceSid");
        Optional<Map.Entry<String, InboxSettings>> inbox = inboxes.inboxes().entrySet().stream()
                .filter(e -> CHANNEL.equals(e.getValue().channel()))
                .filter(e -> named != null ? e.getKey().equals(named) : e.getValue().twilio().serves(ours, service))
                .findFirst();
        if (inbox.isEmpty()) {
            return refuse(HttpStatus.NOT_FOUND, named != null ? "no Twilio inbox is called " + named
                    : "no inbox serves the number " + ours + (service == null ? "" : " or the messaging service "
                            + service));
        }
        TwilioSettings twilio = inbox.get().getValue().twilio();
        URI called = twilio.publicBaseUrl().resolve(request.getRequestURI()
                + (request.getQueryString() == null ? "" : "?" + request.getQueryString()));
        if (!TwilioSignature.valid(twilio.authToken(), called, params, request.getHeader(TwilioSignature.HEADER))) {
            log.warn("Twilio webhook for {} refused: the signature does not match {}", inbox.get().getKey(), called);
            return refuse(HttpStatus.FORBIDDEN, "the " + TwilioSignature.HEADER + " header is missing or does not "
                    + "match this request for " + called);
        }
        return new Outcome(new Verified(inbox.get().getKey(), twilio, params, query), null);
    }

    static Outcome refuse(HttpStatus status, String detail) {
        return new Outcome(null, problem(status, detail));
    }

    static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemDetail.forStatusAndDetail(status, detail));
    }
}
