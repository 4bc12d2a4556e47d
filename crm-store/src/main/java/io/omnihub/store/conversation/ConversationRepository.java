package io.omnihub.store.conversation;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ConversationRepository extends JpaRepository<Conversation, Long>, ConversationQueries {

    /** The most recently opened conversation continuing a channel thread in an inbox. */
    Optional<Conversation> findFirstByInboxIdAndThreadKeyOrderByOpenedAtDescIdDesc(Long inboxId, String threadKey);

    /** The most recently opened conversation of this customer continuing a channel thread in an inbox. */
    Optional<Conversation> findFirstByInboxIdAndThreadKeyAndCustomerIdOrderByOpenedAtDescIdDesc(Long inboxId,
            String threadKey, Long customerId);

    /** A customer's conversations, most recent activity first (the console's customer panel). */
    java.util.List<Conversation> findTop20ByCustomerIdOrderByLastActivityAtDescIdDesc(Long customerId);

    /** A customer's most recently active conversation in an inbox that is not in {@code status}. */
    Optional<Conversation> findFirstByCustomerIdAndInboxIdAndStatusNotOrderByLastActivityAtDescIdDesc(Long customerId,
            Long inboxId, ConversationStatus status);

    /** Open conversations of the inbox nobody has, oldest first: what routing gives out when an agent has room. */
    @org.springframework.data.jpa.repository.Query(value = "select id from conversation where inbox_id = :inbox "
            + "and assignee_id is null and status <> 'RESOLVED' order by opened_at, id limit :limit", nativeQuery = true)
    java.util.List<Long> waitingIn(long inbox, int limit);

    /**
     * Where a conversation's thread goes on: the conversation itself, or — when an agent merged it into
     * another (perhaps merged on again) — the one it ended up in.
     */
    default Conversation survivorOf(Conversation conversation) {
        Conversation survivor = conversation;
        for (int hops = 0; hops < 10 && survivor.getMergedIntoId() != null; hops++) {
            survivor = findById(survivor.getMergedIntoId()).orElseThrow();
        }
        return survivor;
    }
}
