package io.omnihub.store.conversation;

import java.util.Set;

/**
 * What an inbox list shows. Null fields do not filter.
 *
 * @param statuses   statuses to include; empty means all
 * @param inboxId    one inbox
 * @param channel    one channel (webform, email, sms, voice, chat)
 * @param assigneeId conversations assigned to this user
 * @param unassigned only conversations without an assignee
 * @param teamId     conversations of this team
 * @param priority   one priority
 */
public record ConversationFilter(Set<ConversationStatus> statuses, Long inboxId, String channel, Long assigneeId,
        boolean unassigned, Long teamId, Priority priority) {

    public static ConversationFilter all() {
        return new ConversationFilter(Set.of(), null, null, null, false, null, null);
    }
}
