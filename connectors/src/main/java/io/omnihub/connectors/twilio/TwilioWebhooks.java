package io.omnihub.connectors.twilio;

import io.omnihub.connectors.bus.AddressNormalizer;
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

    static final String CHANNEL = TwilioChannels.SMS;
    private static final Logger log = LoggerFactory.getLogger(TwilioWebhooks.class);
    private static final int MAX_BODY = 64 * 1024;

    private final TwilioInboxes inboxes;
    private final AddressNormalizer addresses;

    TwilioWebhooks(TwilioInboxes inboxes, AddressNormalizer addresses) {
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
        String contentType = request.getContentType();
        if (contentType == null || !contentType.toLowerCase(java.util.Locale.ROOT)
                .startsWith("application/x-www-form-urlencoded")) {
            return refuse(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Twilio webhooks are application/x-www-form-urlencoded; "
                    + "this request is " + (contentType == null ? "without a Content-Type" : contentType));
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(MAX_BODY + 1);
        }
        if (body.length > MAX_BODY) {
            return refuse(HttpStatus.PAYLOAD_TOO_LARGE, "a Twilio webhook is at most " + MAX_BODY + " bytes");
        }
        FormParameters params;
        FormParameters query;
        try {
            params = FormParameters.parse(body);
            query = FormParameters.parse(request.getQueryString() == null ? new byte[0]
                    : request.getQueryString().getBytes(StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException malformed) {
            return refuse(HttpStatus.BAD_REQUEST, malformed.getMessage());
        }
        String named = query.get("inbox");
        String ours = params.get(ourNumberParameter);
        String service = params.get("MessagingServiceSid");
        Optional<Map.Entry<String, TwilioSettings>> inbox = inboxes.twilioInboxes().entrySet().stream()
                .filter(e -> named != null ? e.getKey().equals(named) : e.getValue().serves(ours, service))
                .findFirst();
        if (inbox.isEmpty()) {
            return refuse(HttpStatus.NOT_FOUND, named != null ? "no Twilio inbox is called " + named
                    : "no inbox serves the number " + ours + (service == null ? "" : " or the messaging service "
                            + service));
        }
        TwilioSettings twilio = inbox.get().getValue();
        URI called = calledUrl(twilio, request);
        if (!TwilioSignature.valid(twilio.authToken(), called, params, request.getHeader(TwilioSignature.HEADER))) {
            log.warn("Twilio webhook for {} refused: the signature does not match {}", inbox.get().getKey(), called);
            return refuse(HttpStatus.FORBIDDEN, "the " + TwilioSignature.HEADER + " header is missing or does not "
                    + "match this request for " + called);
        }
        return new Outcome(new Verified(inbox.get().getKey(), twilio, params, query), null);
    }

    /**
     * The URL Twilio called, as Twilio signed it: the public base URL (with any path a proxy puts in
     * front of the hub) followed by the request's path within the hub and its query, as sent.
     */
    static URI calledUrl(TwilioSettings twilio, HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return twilio.callbackUrl(path + (request.getQueryString() == null ? "" : "?" + request.getQueryString()));
    }

    /**
     * A caller who withheld their number: Twilio passes the carrier's word, spelled on a phone keypad
     * (+266696687 ANONYMOUS, +7378742833 RESTRICTED, +2562533 BLOCKED, +8656696 UNKNOWN, +86282452253
     * UNAVAILABLE, +464 for no caller id), or the word itself, or nothing.
     */
    static boolean withheld(String caller) {
        if (caller == null || caller.isBlank()) {
            return true;
        }
        String value = caller.strip().toLowerCase(java.util.Locale.ROOT);
        if (value.startsWith("sip:")) {
            value = value.substring(4).split("@", 2)[0];
        }
        return WITHHELD.contains(value) || WITHHELD.contains(value.replaceFirst("^\\+", ""));
    }

    private static final java.util.Set<String> WITHHELD = java.util.Set.of("anonymous", "restricted", "blocked",
            "unknown", "unavailable", "private", "withheld", "266696687", "7378742833", "2562533", "8656696",
            "86282452253", "464");

    static Outcome refuse(HttpStatus status, String detail) {
        return new Outcome(null, problem(status, detail));
    }

    static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemDetail.forStatusAndDetail(status, detail));
    }
}
