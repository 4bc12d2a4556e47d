package io.omnihub.console.api;

import io.omnihub.store.interaction.DeliveryStatus;
import io.omnihub.store.interaction.Attachment;
import io.omnihub.store.interaction.AttachmentRepository;
import io.omnihub.store.interaction.Interaction;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Turns stored interactions into API views, loading their attachments in one query. */
@Component
class InteractionViews {

    private final AttachmentRepository attachments;
    private final InboxNames inboxes;

    InteractionViews(AttachmentRepository attachments, InboxNames inboxes) {
        this.attachments = attachments;
        this.inboxes = inboxes;
    }

    List<InteractionView> of(List<Interaction> interactions) {
        if (interactions.isEmpty()) {
            return List.of();
        }
        Map<Long, List<AttachmentView>> files = attachments
                .findByInteractionIdInOrderByIdAsc(interactions.stream().map(Interaction::getId).toList()).stream()
                .collect(Collectors.groupingBy(Attachment::getInteractionId,
                        Collectors.mapping(AttachmentView::of, Collectors.toList())));
        return interactions.stream().map(i -> new InteractionView(i.getId(), i.getConversationId(), i.getCustomerId(),
                inboxes.key(i.getInboxId()), i.getChannel(), i.getDirection().name(), i.getKind().name(),
                i.getExternalId(), i.getOccurredAt(), i.getSender(), i.getSubject(), i.getBodyText(), i.getBodyHtml(),
                i.getDeliveryStatus(), i.getDeliveryError(), i.getDeliveryAttempts(),
                i.delivery() == DeliveryStatus.QUEUED ? i.getNextAttemptAt() : null, i.getFlags(), i.getMetadata(),
                files.getOrDefault(i.getId(), List.of()))).toList();
    }
}
