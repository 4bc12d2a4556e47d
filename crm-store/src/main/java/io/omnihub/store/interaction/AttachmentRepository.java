package io.omnihub.store.interaction;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface AttachmentRepository extends JpaRepository<Attachment, Long> {

    List<Attachment> findByInteractionIdInOrderByIdAsc(Collection<Long> interactionIds);
}
