package io.omnihub.store.task;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ConversationTaskRepository extends JpaRepository<ConversationTask, Long> {

    List<ConversationTask> findByConversationIdOrderByCreatedAtAscIdAsc(Long conversationId);

    Optional<ConversationTask> findByInteractionIdAndKind(Long interactionId, String kind);
}
