package io.omnihub.store.task;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ConversationTaskRepository extends JpaRepository<ConversationTask, Long> {

    List<ConversationTask> findByConversationIdOrderByCreatedAtAscIdAsc(Long conversationId);

    Optional<ConversationTask> findByInteractionIdAndKind(Long interactionId, String kind);

    /** The conversation the task belongs to; empty when there is no such task. */
    @Query(value = "select conversation_id from conversation_task where id = :taskId", nativeQuery = true)
    Optional<Long> conversationIdOf(long taskId);
}
