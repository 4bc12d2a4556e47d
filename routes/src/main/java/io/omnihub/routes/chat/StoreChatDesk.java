package io.omnihub.routes.chat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.omnihub.connectors.chat.ChatDesk;
import io.omnihub.connectors.chat.ChatIntake;
import io.omnihub.connectors.chat.ChatLine;
import io.omnihub.routes.inbox.InboxCatalog;
import io.omnihub.store.conversation.Conversation;
import io.omnihub.store.conversation.ConversationRepository;
import io.omnihub.store.interaction.Attachment;
import io.omnihub.store.interaction.AttachmentRepository;
import io.omnihub.store.interaction.Direction;
import io.omnihub.store.interaction.Interaction;
import io.omnihub.store.interaction.InteractionKind;
import io.omnihub.store.interaction.InteractionRepository;
import io.omnihub.store.team.AgentPresence;
import io.omnihub.store.user.AppUserRepository;

/**
 * The chat connector's view of the store: a chat's lines (messages only, never internal notes) and
 * whether any agent of the inbox's team is online.
 */
@Component
class StoreChatDesk implements ChatDesk {

    private final InboxCatalog inboxes;
    private final ConversationRepository conversations;
    private final InteractionRepository interactions;
    private final AttachmentRepository attachments;
    private final AppUserRepository users;
    private final AgentPresence presence;

    StoreChatDesk(InboxCatalog inboxes, ConversationRepository conversations, InteractionRepository interactions,
            AttachmentRepository attachments, AppUserRepository users, AgentPresence presence) {
        this.inboxes = inboxes;
        this.conversations = conversations;
        this.interactions = interactions;
        this.attachments = attachments;
        this.users = users;
        this.presence = presence;
    }

    @Override
    @Transactional(readOnly = true)
    public List<ChatLine> history(String inbox, String sessionId, int limit) {
        List<Interaction> lines = lines(inbox, sessionId);
        List<Interaction> latest = lines.subList(Math.max(0, lines.size() - limit), lines.size());
        Map<Long, List<String>> files = attachments.findByInteractionIdInOrderByIdAsc(
                latest.stream().map(Interaction::getId).toList()).stream()
                .collect(Collectors.groupingBy(Attachment::getInteractionId,
                        Collectors.mapping(Attachment::getFileName, Collectors.toList())));
        List<ChatLine> result = new ArrayList<>();
        for (Interaction line : latest) {
            boolean agent = line.getDirection() == Direction.OUTBOUND;
            String id = agent ? line.getExternalId()
                    : line.getExternalId().substring(line.getExternalId().indexOf(':') + 1);
            result.add(new ChatLine(id, agent ? "agent" : "visitor", agent ? author(line) : null, line.getBodyText(),
                    line.getOccurredAt(), files.getOrDefault(line.getId(), List.of())));
        }
        return result;
    }

    @Override
    @Transactional(readOnly = true)
    public boolean agentsAvailable(String inbox) {
        Long team = inboxes.require(inbox).getTeamId();
        return presence.anyoneOnline(team);
    }

    Optional<Conversation> chat(String inbox, String sessionId) {
        return conversations.findFirstByInboxIdAndThreadKeyOrderByOpenedAtDescIdDesc(inboxes.require(inbox).getId(),
                sessionId);
    }

    /** The chat's messages both ways, in order: no notes, no emails (a transcript is not a line). */
    List<Interaction> lines(String inbox, String sessionId) {
        return chat(inbox, sessionId)
                .map(c -> interactions.findByConversationIdOrderByOccurredAtAscIdAsc(c.getId()))
                .map(Collection::stream).orElseGet(java.util.stream.Stream::empty)
                .filter(i -> ChatIntake.CHANNEL.equals(i.getChannel()) && i.getKind() == InteractionKind.MESSAGE)
                .toList();
    }

    String author(Interaction line) {
        return line.getAuthorId() == null ? "Support" : users.findById(line.getAuthorId())
                .map(io.omnihub.store.user.AppUser::shownName).orElse("Support");
    }
}
