package io.omnihub.store.outbox;

import java.time.Instant;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface OutboxRepository extends JpaRepository<OutboxEntry, Long>, OutboxSequencing {

    /** The oldest unpublished entries, locked for this transaction. */
    @Query(value = "select * from outbox where published_at is null order by id limit :limit for update",
            nativeQuery = true)
    List<OutboxEntry> lockUnpublished(int limit);

    /** Published entries after a publish sequence, in publishing order: what a reconnecting client missed. */
    @Query(value = "select * from outbox where publish_seq > :afterSequence order by publish_seq limit :limit",
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
