package io.omnihub.store.mail;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface MessageReferenceRepository extends JpaRepository<MessageReference, Long> {

    /** References of one customer in one inbox matching any of the values, newest conversation first. */
    @Query("""
            select r from MessageReference r
             where r.inboxId = :inboxId and r.customerId = :customerId and r.kind = :kind and r.value in :values
             order by r.conversationId desc""")
    List<MessageReference> findForCustomer(Long inboxId, Long customerId, MessageReference.Kind kind,
            Collection<String> values);

    /** References in one inbox matching any of the values, whoever's, newest conversation first. */
    @Query("""
            select r from MessageReference r
             where r.inboxId = :inboxId and r.kind = :kind and r.value in :values
             order by r.conversationId desc""")
    List<MessageReference> findInInbox(Long inboxId, MessageReference.Kind kind, Collection<String> values);

    @Modifying
    @Query(value = """
            insert into message_reference (inbox_id, conversation_id, customer_id, kind, value, created_at)
            values (:inboxId, :conversationId, :customerId, :kind, :value, now())
            on conflict do nothing""", nativeQuery = true)
    int remember(Long inboxId, Long conversationId, Long customerId, String kind, String value);
}
