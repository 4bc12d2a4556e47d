package io.omnihub.store.interaction;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface AttachmentRepository extends JpaRepository<Attachment, Long> {

    List<Attachment> findByInteractionIdInOrderByIdAsc(Collection<Long> interactionIds);

    /** The conversation the attachment's interaction belongs to; empty when there is no such attachment. */
    @Query(value = "select i.conversation_id from attachment a join interaction i on i.id = a.interaction_id "
            + "where a.id = :attachmentId", nativeQuery = true)
    Optional<Long> conversationIdOf(long attachmentId);
}
