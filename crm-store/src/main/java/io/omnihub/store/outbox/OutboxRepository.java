package io.omnihub.store.outbox;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface OutboxRepository extends JpaRepository<OutboxEntry, Long> {

    /** The oldest unpublished entries, locked for this transaction. */
    @Query(value = "select * from outbox where published_at is null order by id limit :limit for update",
            nativeQuery = true)
    List<OutboxEntry> lockUnpublished(int limit);

    @Modifying
    @Query("update OutboxEntry o set o.publishedAt = :at where o.id in :ids")
    int markPublished(Collection<Long> ids, Instant at);

    /** Published entries after a position, oldest first: what a reconnecting live client missed. */
    @Query(value = "select * from outbox where id > :afterSequence and published_at is not null order by id limit :limit",
            nativeQuery = true)
    List<OutboxEntry> publishedAfter(long afterSequence, int limit);

    @Query(value = "select count(*) from outbox where published_at is null", nativeQuery = true)
    long countUnpublished();

    @Modifying
    @Query(value = "delete from outbox where published_at is not null and published_at < :before", nativeQuery = true)
    int deletePublishedBefore(Instant before);

    /**
     * Tries to become the single relay for this transaction (a PostgreSQL transaction-level
     * advisory lock), so hub nodes relay one at a time and in order.
     */
    @Query(value = "select pg_try_advisory_xact_lock(727274001)", nativeQuery = true)
    boolean tryLockRelay();
}
