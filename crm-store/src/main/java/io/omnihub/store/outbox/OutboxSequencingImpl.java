package io.omnihub.store.outbox;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

class OutboxSequencingImpl implements OutboxSequencing {

    private final JdbcTemplate jdbc;

    OutboxSequencingImpl(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<Long, Long> markPublished(List<Long> idsInOrder, Instant at) {
        Map<Long, Long> sequences = new LinkedHashMap<>();
        if (idsInOrder.isEmpty()) {
            return sequences;
        }
        // one round trip: number the ids in the given order, then stamp them
        Long[] ids = idsInOrder.toArray(Long[]::new);
        jdbc.query("""
                with ordered as (
                    select id, ord from unnest(?::bigint[]) with ordinality as t(id, ord)
                ), numbered as (
                    select id, nextval('outbox_publish_seq') as seq from (select id from ordered order by ord) o
                )
                update outbox set publish_seq = numbered.seq, published_at = ?
                  from numbered where outbox.id = numbered.id
                returning outbox.id, outbox.publish_seq""",
                ps -> {
                    ps.setArray(1, ps.getConnection().createArrayOf("bigint", ids));
                    ps.setTimestamp(2, Timestamp.from(at));
                },
                rs -> {
                    sequences.put(rs.getLong(1), rs.getLong(2));
                });
        return sequences;
    }
}
