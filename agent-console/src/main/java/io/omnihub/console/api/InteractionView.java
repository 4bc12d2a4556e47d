package io.omnihub.console.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One interaction on a timeline or in a conversation.
 *
 * @param html             sanitized HTML (scripts, handlers and remote images removed), or null
 * @param deliveryAttempts for a message we send: how many attempts failed for now
 * @param nextAttemptAt    for a QUEUED message a server could not take yet: when it is tried again
 * @param metadata         channel details: custom form fields, headers, call data
 */
public record InteractionView(Long id, Long conversationId, Long customerId, String inbox, String channel,
        String direction, String kind, String externalId, Instant occurredAt, String sender, String subject,
        String text, String html, String deliveryStatus, String deliveryError, int deliveryAttempts,
        Instant nextAttemptAt, List<String> flags,
        Map<String, Object> metadata, List<AttachmentView> attachments) {
}
