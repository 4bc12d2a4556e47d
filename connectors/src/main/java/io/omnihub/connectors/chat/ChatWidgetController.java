package io.omnihub.connectors.chat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.commons.fileupload2.core.FileItemInput;
import org.apache.commons.fileupload2.core.FileItemInputIterator;
import org.apache.commons.fileupload2.core.FileUploadException;
import org.apache.commons.fileupload2.jakarta.servlet6.JakartaServletFileUpload;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import io.omnihub.connectors.bus.AttachmentRef;
import io.omnihub.connectors.bus.BlobStore;
import io.omnihub.connectors.bus.BusUnavailableException;
import io.omnihub.connectors.bus.FileNames;
import io.omnihub.connectors.bus.InboundPublisher;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The widget's script, {@code GET /channels/chat/widget.js}, a page to try a chat inbox's widget
 * on, {@code GET /channels/chat/{inbox}/demo} (it works when the hub's own address is among the
 * inbox's allowed origins, as in the default configuration), and the widget's file uploads,
 * {@code POST /channels/chat/{inbox}/uploads}: multipart form data with the chat's {@code token}, the
 * message {@code id}, then the {@code file} (a plain form post, so browsers send it cross-origin
 * without a pre-flight). The page's origin must be allowed, the token valid, the file within the
 * inbox's size and type limits and the visitor within their message rate; the file is stored, then
 * the message carrying it goes on the bus.
 */
@RestController
class ChatWidgetController {


    private final ChatInboxes inboxes;
    private final ChatTokens tokens;
    private final BlobStore blobs;
    private final InboundPublisher bus;
    private final AbuseLimits limits;
    private final Clock clock;
    /** Read once: every page view of every embedding site asks for it. */
    private final String widgetScript;

    ChatWidgetController(ChatInboxes inboxes, ChatTokens tokens, BlobStore blobs, InboundPublisher bus,
            AbuseLimits limits, Clock clock) {
        this.inboxes = inboxes;
        this.tokens = tokens;
        this.blobs = blobs;
        this.bus = bus;
        this.limits = limits;
        this.clock = clock;
        try {
            this.widgetScript = new ClassPathResource("io/omnihub/connectors/chat/widget.js")
                    .getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("the chat widget's script is missing from the build", e);
        }
    }

    @GetMapping(path = "/channels/chat/widget.js", produces = "text/javascript;charset=UTF-8")
    ResponseEntity<String> widget() {
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
                .body(widgetScript);
    }

    @GetMapping(path = "/channels/chat/{inbox}/demo", produces = "text/html;charset=UTF-8")
    ResponseEntity<String> demo(@PathVariable String inbox) {
        ChatSettings chat = inboxes.chat(inbox)
                .orElse(null);
        if (chat == null) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_PLAIN)
                    .body("there is no chat '" + inbox + "'");
        }
        // the inbox key is [a-z0-9-] (checked at start-up), so it needs no escaping here
        return ResponseEntity.ok("""
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>Chat demo · Omnihub</title></head>
                <body style="font: 16px system-ui, sans-serif; margin: 2rem">
                <h1>A page with the chat widget</h1>
                <p>This is what a site gets from one tag:</p>
                <pre>&lt;script src="/channels/chat/widget.js" data-inbox="%s" async&gt;&lt;/script&gt;</pre>
                <p>Open the chat (bottom right), write, and answer in the console's inbox. With nobody ONLINE
                (the console's header sets your presence) the widget offers to leave a message instead.</p>
                <script src="/channels/chat/widget.js" data-inbox="%s" async></script>
                </body></html>
                """.formatted(inbox, inbox));
    }

    @PostMapping("/channels/chat/{inbox}/uploads")
    ResponseEntity<?> upload(@PathVariable String inbox, HttpServletRequest request) {
        ChatSettings chat = inboxes.chat(inbox)
                .orElse(null);
        if (chat == null) {
            return problem(HttpStatus.NOT_FOUND, "there is no chat '" + inbox + "'", null);
        }
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        if (!chat.allowsOrigin(origin)) {
            return problem(HttpStatus.FORBIDDEN, "this chat does not accept uploads from origin " + origin, null);
        }
        if (!JakartaServletFileUpload.isMultipartContent(request)) {
            return problem(HttpStatus.BAD_REQUEST, "an upload is multipart/form-data with token, id and file", origin);
        }
        ChatVisitor visitor = null;
        String id = null;
        try {
            JakartaServletFileUpload<?, ?> upload = new JakartaServletFileUpload<>();
            upload.setHeaderCharset(StandardCharsets.UTF_8);
            upload.setFileCountMax(5);
            FileItemInputIterator items = upload.getItemIterator(request);
            while (items.hasNext()) {
                FileItemInput item = items.next();
                if (item.isFormField()) {
                    String value = new String(read(item, 8_192), StandardCharsets.UTF_8).strip();
                    switch (item.getFieldName()) {
                        case "token" -> visitor = tokens.read(value);
                        case "id" -> id = value;
                        default -> {
                        }
                    }
                    continue;
                }
                if (visitor == null || !inbox.equals(visitor.inbox())) {
                    return problem(HttpStatus.FORBIDDEN, "send the chat's token before the file", origin);
                }
                if (id == null || !ChatIntake.MESSAGE_ID.matcher(id).matches()) {
                    return problem(HttpStatus.BAD_REQUEST, "send a message id (1 to 64 letters, digits, '-' or '_') "
                            + "before the file", origin);
                }
                String type = item.getContentType() == null ? "application/octet-stream" : item.getContentType();
                String fileName = FileNames.baseName(item.getName());
                if (!chat.acceptsUploadType(type)) {
                    return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "files of type " + type
                            + " are not accepted here (accepted: " + String.join(", ", chat.uploadTypes()) + ")", origin);
                }
                byte[] content = read(item, chat.maxUploadSize().toBytes());
                if (content.length > chat.maxUploadSize().toBytes()) {
                    return problem(HttpStatus.PAYLOAD_TOO_LARGE, "the file is larger than "
                            + chat.maxUploadSize().toMegabytes() + " MB", origin);
                }
                if (!limits.allow("visitor:" + visitor.visitorId(), chat.messagesPerMinute(), Duration.ofMinutes(1))
                        || !limits.allow("ip:" + inbox + ":" + request.getRemoteAddr(), chat.messagesPerMinutePerIp(),
                                Duration.ofMinutes(1))) {
                    return problem(HttpStatus.TOO_MANY_REQUESTS, "you are sending too fast; please wait a moment", origin);
                }
                AttachmentRef file = new AttachmentRef(blobs.put(content), fileName, type, content.length, null);
                bus.publish(ChatIntake.message(visitor, id, null, List.of(file), clock.instant()));
                return ResponseEntity.accepted().header(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin)
                        .header(HttpHeaders.VARY, HttpHeaders.ORIGIN)
                        .body(Map.of("id", id, "fileName", fileName, "size", content.length));
            }
        } catch (FileUploadException e) {
            return problem(HttpStatus.BAD_REQUEST, "the upload is malformed: " + e.getMessage(), origin);
        } catch (IOException e) {
            return problem(HttpStatus.BAD_REQUEST, "the upload could not be read: " + e.getMessage(), origin);
        } catch (BusUnavailableException e) {
            return problem(HttpStatus.SERVICE_UNAVAILABLE, "the file could not be taken just now; please try again",
                    origin);
        }
        return problem(HttpStatus.BAD_REQUEST, "the upload has no file part", origin);
    }

    private static byte[] read(FileItemInput item, long limit) throws IOException {
        try (InputStream in = item.getInputStream()) {
            return in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
        }
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail, String origin) {
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (origin != null) {
            answer.header(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin).header(HttpHeaders.VARY, HttpHeaders.ORIGIN);
        }
        return answer.body(ProblemDetail.forStatusAndDetail(status, detail));
    }
}
