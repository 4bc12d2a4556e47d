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
 * @param breaching  only conversations with an SLA target near breach or breached (and not resolved)
 * @param search     words found in subjects, texts or the customer's name, or an exact email address or
 *                   phone number of the customer (PostgreSQL full-text search)
 * @param visibility what the viewer may see; null for everything
 * @param tag        only conversations with this tag
 */
public record ConversationFilter(Set<ConversationStatus> statuses, Long inboxId, String channel, Long assigneeId,
        boolean unassigned, Long teamId, Priority priority, boolean breaching, String search, Visibility visibility,
        String tag) {

    /**
     * The conversations a viewer may see: none of the restricted inboxes outside their teams,
     * except those transferred to one of their teams.
     *
     * @param hiddenInboxIds restricted inboxes the viewer's teams do not work
     * @param teamIds        the viewer's teams
     */
    public record Visibility(Set<Long> hiddenInboxIds, Set<Long> teamIds) {

        public Visibility {
            hiddenInboxIds = Set.copyOf(hiddenInboxIds);
            teamIds = Set.copyOf(teamIds);
        }

        /** Whether a conversation of this inbox, now with this team, is visible (the list query's rule). */
        public boolean allows(Long inboxId, Long teamId) {
            return !hiddenInboxIds.contains(inboxId) || teamId != null && teamIds.contains(teamId);
        }
    }

    public ConversationFilter(Set<ConversationStatus> statuses, Long inboxId, String channel, Long assigneeId,
            boolean unassigned, Long teamId, Priority priority, boolean breaching, String search) {
        this(statuses, inboxId, channel, assigneeId, unassigned, teamId, priority, breaching, search, null, null);
    }

    /** The same filter, limited to what a viewer may see. */
    public ConversationFilter visibleTo(Visibility viewer) {
        return new ConversationFilter(statuses, inboxId, channel, assigneeId, unassigned, teamId, priority, breaching,
                search, viewer, tag);
    }

    /** The same filter, limited to conversations with this tag (null: any). */
    public ConversationFilter tagged(String wanted) {
        return new ConversationFilter(statuses, inboxId, channel, assigneeId, unassigned, teamId, priority, breaching,
                search, visibility, wanted == null || wanted.isBlank() ? null : Conversation.normalizedTag(wanted));
    }

    public ConversationFilter(Set<ConversationStatus> statuses, Long inboxId, String channel, Long assigneeId,
            boolean unassigned, Long teamId, Priority priority) {
        this(statuses, inboxId, channel, assigneeId, unassigned, teamId, priority, false, null);
    }

    public static ConversationFilter all() {
        return new ConversationFilter(Set.of(), null, null, null, false, null, null);
    }
}
