package io.omnihub.store.interaction;

import java.time.Instant;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface InteractionRepository extends JpaRepository<Interaction, Long> {

    boolean existsByInboxIdAndChannelAndExternalId(Long inboxId, String channel, String externalId);

    /**
     * Whether an address took part in a conversation without being its customer: a recipient (To or
     * Cc) of one of its mails, or the address one of its replies went to.
     */
    @Query(value = """
            select exists (select 1 from interaction where conversation_id = :conversationId
                             and (jsonb_exists(case when jsonb_typeof(metadata -> 'to') = 'array'
                                                    then metadata -> 'to' else '[]'::jsonb end, :address)
                                  or metadata ->> 'to' = :address))""", nativeQuery = true)
    boolean isParticipant(Long conversationId, String address);

    java.util.Optional<Interaction> findByInboxIdAndChannelAndExternalId(Long inboxId, String channel,
            String externalId);

    /** The interaction recorded in the inbox under this channel id, locked for update. */
    @Query(value = "select * from interaction where inbox_id = :inboxId and channel = :channel "
            + "and external_id = :externalId for update", nativeQuery = true)
    java.util.Optional<Interaction> findForUpdate(Long inboxId, String channel, String externalId);

    List<Interaction> findByConversationIdOrderByOccurredAtAscIdAsc(Long conversationId);

    /** A customer's timeline across every channel, newest first, from the top. */
    @Query(value = """
            select * from interaction
             where customer_id = :customerId
             order by occurred_at desc, id desc
             limit :limit""", nativeQuery = true)
    List<Interaction> timeline(Long customerId, int limit);

    /** A customer's timeline continued after the (occurredAt, id) position a client last saw. */
    @Query(value = """
            select * from interaction
             where customer_id = :customerId
               and (occurred_at, id) < (:beforeAt, :beforeId)
             order by occurred_at desc, id desc
             limit :limit""", nativeQuery = true)
    List<Interaction> timelineBefore(Long customerId, Instant beforeAt, long beforeId, int limit);

    /** The newest interaction of each of the given conversations (for list previews). */
    @Query(value = """
            select distinct on (conversation_id) * from interaction
             where conversation_id in (:conversationIds)
             order by conversation_id, occurred_at desc, id desc""", nativeQuery = true)
    List<Interaction> latestOfConversations(List<Long> conversationIds);

    /** Automatic replies of an inbox to one address since a moment: the acknowledgement rate limit. */
    @Query(value = """
            select count(*) from interaction
             where inbox_id = :inboxId and direction = 'OUTBOUND' and metadata ->> 'autoReply' = 'true'
               and metadata ->> 'to' = :address and occurred_at > :since""", nativeQuery = true)
    long countAutoRepliesSince(Long inboxId, String address, java.time.Instant since);

    /**
     * The message we sent that a provider knows by this id (e.g. Twilio's MessageSid), locked for
     * update: reports about one message are applied one after the other, none lost.
     */
    @Query(value = "select * from interaction where direction = 'OUTBOUND' and metadata ->> 'messageSid' = :sid "
            + "for update", nativeQuery = true)
    java.util.Optional<Interaction> findSentAs(String sid);

    /** The mail of ours in a conversation sent with this Message-ID, locked for update like {@link #findSentAs}. */
    @Query(value = "select * from interaction where conversation_id = :conversation and direction = 'OUTBOUND' "
            + "and channel = 'email' and metadata ->> 'messageId' = :messageId for update", nativeQuery = true)
    java.util.Optional<Interaction> findSentMail(long conversation, String messageId);

    /** The call, inbound or outbound, Twilio knows by this CallSid, locked for update like {@link #findSentAs}. */
    @Query(value = "select * from interaction where kind = 'CALL' and metadata ->> 'callSid' = :sid for update",
            nativeQuery = true)
    java.util.Optional<Interaction> findCall(String sid);

    /** An interaction locked for update, for changes made after it was recorded (its metadata is one value). */
    @org.springframework.data.jpa.repository.Lock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
    @Query("select i from Interaction i where i.id = :id")
    java.util.Optional<Interaction> findForUpdate(Long id);

    /** A request an agent raised to the ERP/SCM, by its request id. */
    @Query(value = "select * from interaction where kind = 'BUSINESS_EVENT' and direction = 'OUTBOUND' "
            + "and external_id = :requestId", nativeQuery = true)
    java.util.Optional<Interaction> findBusinessRequest(String requestId);

    /** The conversation the interaction belongs to; empty when there is no such interaction. */
    @Query(value = "select conversation_id from interaction where id = :interactionId", nativeQuery = true)
    java.util.Optional<Long> conversationIdOf(long interactionId);

    /**
     * Replies waiting to be sent that are due: never tried and recorded before {@code before} (their
     * queue message may be lost), or deferred and due at {@code now}; oldest first, locked.
     */
    @Query(value = """
            select * from interaction where delivery_status = 'QUEUED' and direction = 'OUTBOUND'
               and ((next_attempt_at is null and recorded_at < :before) or next_attempt_at <= :now)
             order by coalesce(next_attempt_at, recorded_at) limit :limit for update skip locked""", nativeQuery = true)
    List<Interaction> queuedDue(java.time.Instant before, java.time.Instant now, int limit);
}
