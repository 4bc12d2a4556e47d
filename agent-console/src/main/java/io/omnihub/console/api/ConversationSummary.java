package io.omnihub.console.api;

import java.time.Instant;

/**
 * A conversation as an inbox list shows it.
 *
 * @param waitingSince since when the customer has been waiting for an answer; null if not waiting
 * @param preview      the start of the latest interaction's text
 * @param sla          the SLA policy, due times and state (NONE, OK, NEAR_BREACH, BREACHED)
 */
public record ConversationSummary(Long id, Long customerId, String customerName, String inbox, String channel,
        String status, String priority, String subject, Long assigneeId, Instant openedAt, Instant lastActivityAt,
        Instant waitingSince, Instant firstResponseAt, Instant resolvedAt, String threadingRule, String preview,
        Sla sla, java.util.List<String> tags) {

    /** A conversation's SLA: its policy, when the first response and the resolution are due, and where it stands. */
    public record Sla(String policy, Instant firstResponseDueAt, Instant resolutionDueAt, String state) {
    }
}
