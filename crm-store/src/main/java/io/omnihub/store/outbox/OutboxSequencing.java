package io.omnihub.store.outbox;

import java.time.Instant;
import java.util.List;
import java.util.Map;

public interface OutboxSequencing {

    /**
     * Marks the entries published and gives them consecutive publish sequence numbers in the
     * order given; returns entry id to sequence.
     */
    Map<Long, Long> markPublished(List<Long> idsInOrder, Instant at);
}
