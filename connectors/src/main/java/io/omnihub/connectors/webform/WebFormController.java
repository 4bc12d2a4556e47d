package io.omnihub.connectors.webform;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnihub.connectors.bus.AddressNormalizer;
import io.omnihub.connectors.bus.BlobStore;
import io.omnihub.connectors.bus.BusUnavailableException;
import io.omnihub.connectors.bus.InboundInteraction;
import io.omnihub.connectors.bus.InboundPublisher;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * {@code POST /channels/webform/{formKey}}: takes a form post, answers 202 with a tracking id once
 * the submission is durable on the bus (or 303 to the form's thank-you page for a browser), and
 * refuses bad input with a 4xx that says what is wrong, having stored nothing.
 */
@RestController
@RequestMapping("/channels/webform/{formKey}")
class WebFormController {

    private static final Logger log = LoggerFactory.getLogger(WebFormController.class);
    private static final String ALLOWED_ORIGIN = WebFormController.class.getName() + ".allowedOrigin";

    private final WebFormInboxes inboxes;
    private final FormBodyParser parser;
    private final WebFormIntake intake;
    private final InboundPublisher bus;
    private final Clock clock;

    WebFormController(WebFormInboxes inboxes, ObjectMapper json, AddressNormalizer addresses, BlobStore blobs,
            InboundPublisher bus, Clock clock) {
        this.inboxes = inboxes;
        this.parser = new FormBodyParser(json);
        this.intake = new WebFormIntake(addresses, blobs);
        this.bus = bus;
        this.clock = clock;
    }

    @PostMapping
    ResponseEntity<?> submit(@PathVariable String formKey, HttpServletRequest request) throws IOException {
        WebFormSettings form = form(formKey);
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        checkOrigin(form, origin);
        if (origin != null) {
            // error answers carry it too, so the page can read why its post was refused
            request.setAttribute(ALLOWED_ORIGIN, origin);
        }
        byte[] body = readBody(request, form.maxRequestBytes());
        if (form.signed()) {
            String problem = WebFormSignature.problem(form.hmacSecret(), request.getHeader(WebFormSignature.HEADER),
                    body, clock.instant());
            if (problem != null) {
                throw new WebFormRejection(HttpStatus.UNAUTHORIZED, problem);
            }
        }
        FormSubmission submission = parser.parse(request.getContentType(), body, form);
        String key = request.getHeader("Idempotency-Key");
        String trackingId = WebFormIntake.trackingId(formKey,
                key != null && !key.isBlank() ? key : submission.value(WebFormIntake.IDEMPOTENCY_FIELD));
        InboundInteraction interaction = intake.accept(formKey, form, submission, trackingId, origin, clock.instant());
        bus.publish(interaction);
        log.info("web form {} submission {} accepted", formKey, trackingId);
        return accepted(form, request, origin, trackingId);
    }

    private WebFormSettings form(String formKey) {
        return inboxes.webform(formKey)
                .orElseThrow(() -> new WebFormRejection(HttpStatus.NOT_FOUND, "there is no form '" + formKey + "'"));
    }

    private static void checkOrigin(WebFormSettings form, String origin) {
        if (origin != null && !form.allowsOrigin(origin)) {
            throw new WebFormRejection(HttpStatus.FORBIDDEN, "this form does not accept posts from origin " + origin);
        }
    }

    private static byte[] readBody(HttpServletRequest request, long limit) throws IOException {
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            throw new WebFormRejection(HttpStatus.PAYLOAD_TOO_LARGE, "the request is " + declared
                    + " bytes; this form accepts at most " + limit);
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            if (body.length > limit) {
                throw new WebFormRejection(HttpStatus.PAYLOAD_TOO_LARGE, "the request is over the "
                        + limit + " bytes this form accepts");
            }
            return body;
        }
    }

    private static ResponseEntity<?> accepted(WebFormSettings form, HttpServletRequest request, String origin,
            String trackingId) {
        HttpHeaders headers = new HttpHeaders();
        if (origin != null) {
            headers.setAccessControlAllowOrigin(origin);
            headers.setVary(java.util.List.of(HttpHeaders.ORIGIN));
        }
        if (form.thankYouUrl() != null && isBrowserFormPost(request)) {
            headers.setLocation(UriComponentsBuilder.fromUriString(form.thankYouUrl())
                    .queryParam("trackingId", trackingId).build().toUri());
            return new ResponseEntity<>(headers, HttpStatus.SEE_OTHER);
        }
        return ResponseEntity.accepted().headers(headers).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("trackingId", trackingId, "status", "accepted"));
    }

    private static boolean isBrowserFormPost(HttpServletRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        String type = request.getContentType();
        return accept != null && accept.contains("text/html") && type != null
                && (type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data"));
    }

    @ExceptionHandler(WebFormRejection.class)
    ResponseEntity<ProblemDetail> rejected(WebFormRejection rejection, HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(rejection.status(), rejection.getMessage());
        problem.setInstance(URI.create(request.getRequestURI()));
        if (rejection.field() != null) {
            problem.setProperty("field", rejection.field());
        }
        return ResponseEntity.status(rejection.status()).headers(corsHeaders(request))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @ExceptionHandler(BusUnavailableException.class)
    ResponseEntity<ProblemDetail> busDown(BusUnavailableException e, HttpServletRequest request) {
        log.error("web form submission not accepted: the bus is unavailable", e);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "the hub cannot take submissions right now; nothing was stored, please retry");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).headers(corsHeaders(request))
                .header(HttpHeaders.RETRY_AFTER, "5")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static HttpHeaders corsHeaders(HttpServletRequest request) {
        HttpHeaders headers = new HttpHeaders();
        if (request.getAttribute(ALLOWED_ORIGIN) instanceof String origin) {
            headers.setAccessControlAllowOrigin(origin);
            headers.setVary(java.util.List.of(HttpHeaders.ORIGIN));
        }
        return headers;
    }
}
