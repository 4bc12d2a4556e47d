package io.omnihub.connectors.twilio;

import java.time.Clock;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /channels/twilio/media/{inbox}/{attachment}/{name}}: a reply's file, for Twilio to
 * fetch when it sends the MMS — only through a link the hub signed ({@link MediaLinks}), only until
 * it expires, only files of replies.
 */
@RestController
class TwilioMediaController {

    private final TwilioInboxes inboxes;
    private final OutboundMediaFiles files;
    private final Clock clock;

    TwilioMediaController(TwilioInboxes inboxes, OutboundMediaFiles files, Clock clock) {
        this.inboxes = inboxes;
        this.files = files;
        this.clock = clock;
    }

    @GetMapping(MediaLinks.PATH + "{inbox}/{attachment}/{name}")
    ResponseEntity<?> file(@PathVariable String inbox, @PathVariable long attachment, @PathVariable String name,
            @RequestParam(required = false) Long expires, @RequestParam(required = false) String signature) {
        TwilioSettings twilio = inboxes.twilio(inbox).orElse(null);
        if (twilio == null || expires == null
                || !MediaLinks.valid(twilio, inbox, attachment, expires, signature, clock.instant())) {
            return TwilioWebhooks.problem(HttpStatus.FORBIDDEN, "this media link is not valid or has expired");
        }
        return files.replyFile(attachment)
                .<ResponseEntity<?>>map(file -> ResponseEntity.ok()
                        .contentType(MediaType.parseMediaType(file.contentType()))
                        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                                .filename(file.fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                        .header("X-Content-Type-Options", "nosniff")
                        .header(HttpHeaders.CACHE_CONTROL, "private, max-age=3600")
                        .body(file.content()))
                .orElseGet(() -> TwilioWebhooks.problem(HttpStatus.NOT_FOUND, "there is no such file"));
    }
}
