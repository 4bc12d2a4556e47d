package io.omnihub.console.reply;

import io.omnihub.store.interaction.Interaction;
import io.omnihub.store.user.AppUserRepository;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

@RestController
@Tag(name = "Replies", description = "Agents answer customers on the conversation's channel")
class ReplyController {

    /** What the agent wrote, as plain text (the mail carries it as text and as simple HTML). */
    /**
     * @param text    what the agent wrote
     * @param channel {@code email}, {@code sms} or {@code chat}; omitted, the conversation's own channel
     */
    record ReplyRequest(@NotBlank @Size(max = 100_000) String text, String channel) {
    }

    record ReplyView(Long interactionId, Long conversationId, String subject, String deliveryStatus,
            Instant occurredAt) {
    }

    static final int MAX_FILES = 10;

    private final ReplyService replies;
    private final AppUserRepository users;

    ReplyController(ReplyService replies, AppUserRepository users) {
        this.replies = replies;
        this.users = users;
    }

    @GetMapping("/api/v1/conversations/{id}/reply-channels")
    @Operation(summary = "Where a reply can go", description = "The channels a reply to this conversation can go "
            + "out on now (an inbox sends there for it and the customer has an address there), the one a reply "
            + "without 'channel' takes first. Empty, 'blocked' says why, e.g. which reply-mailbox to configure.")
    ReplyService.ReplyOptions replyChannels(@PathVariable long id) {
        return replies.replyOptions(id);
    }

    @PostMapping(path = "/api/v1/conversations/{id}/replies", consumes = "application/json")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Reply to the customer",
            description = "Records the reply on the conversation (deliveryStatus QUEUED) and queues it for the "
                    + "channel's sender; the timeline and the event stream show SENT or FAILED (with the "
                    + "server's reason) once delivery is known (chat: DELIVERED once the visitor's widget showed it). "
                    + "Email, SMS and chat; 'channel' switches to another channel the customer has (a conversation "
                    + "whose inbox names a reply-mailbox or reply-sms), 409 when they have no address there.")
    ReplyView reply(@PathVariable long id, @Valid @RequestBody ReplyRequest request, Principal agent) {
        return view(replies.reply(id, request.channel(), request.text(), List.of(),
                users.findByUsername(agent.getName()).orElseThrow()));
    }

    @PostMapping(path = "/api/v1/conversations/{id}/replies", consumes = "multipart/form-data")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Reply to the customer, with files",
            description = "The same as the JSON form, as multipart/form-data: a field 'text' and any number of "
                    + "'file' parts (up to " + MAX_FILES + " files, 25 MB each), sent as attachments.")
    ReplyView replyWithFiles(@PathVariable long id, @RequestParam("text") String text,
            @RequestParam(name = "channel", required = false) String channel,
            @RequestParam(name = "file", required = false) List<MultipartFile> files, Principal agent)
            throws IOException {
        if (text == null || text.isBlank() || text.length() > 100_000) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "field 'text' is required (at most 100,000 characters)");
        }
        List<ReplyService.ReplyFile> attached = new ArrayList<>();
        for (MultipartFile file : files == null ? List.<MultipartFile>of() : files) {
            if (file.isEmpty()) {
                continue;
            }
            attached.add(new ReplyService.ReplyFile(safeName(file.getOriginalFilename()),
                    file.getContentType() == null ? "application/octet-stream" : file.getContentType(), file.getBytes()));
        }
        if (attached.size() > MAX_FILES) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "at most " + MAX_FILES + " files per reply");
        }
        return view(replies.reply(id, channel, text, attached, users.findByUsername(agent.getName()).orElseThrow()));
    }

    @PostMapping("/api/v1/conversations/{id}/replies/{replyId}/resend")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Send a FAILED reply again",
            description = "After the server was unreachable for longer than the retry window, or a fault was "
                    + "fixed: the reply is QUEUED again (its attempts from zero, its retry window from now) and sent. "
                    + "409 unless it is FAILED, or when its address bounces. Audited.")
    ReplyView resend(@PathVariable long id, @PathVariable long replyId, Principal agent) {
        return view(replies.resend(id, replyId, users.findByUsername(agent.getName()).orElseThrow()));
    }

    private static String safeName(String name) {
        if (name == null || name.isBlank()) {
            return "attachment";
        }
        String last = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1).strip();
        return last.isEmpty() ? "attachment" : last;
    }

    private static ReplyView view(Interaction reply) {
        return new ReplyView(reply.getId(), reply.getConversationId(), reply.getSubject(), reply.getDeliveryStatus(),
                reply.getOccurredAt());
    }
}
