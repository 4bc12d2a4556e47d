package io.omnihub.store.customer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnihub.store.audit.AuditTrail;
import io.omnihub.store.events.CustomersMerged;
import io.omnihub.store.events.CustomersUnmerged;
import io.omnihub.store.outbox.OutboxWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Merging two customers who are one person, reversibly. A merge moves everything of the merged
 * customer — contact points, conversations, interactions, message references, tasks — to the
 * survivor, keeps the survivor's name and ERP number (taking the merged one's where the survivor
 * has none), marks the merged customer as merged into the survivor, and records exactly which rows
 * moved and how both customers were. An unmerge moves exactly those rows back and restores both
 * customers as they were; what reached the survivor after the merge stays with the survivor.
 * Both are audited and announced on the bus.
 */
@Repository
public class CustomerMerges {

    /** The tables whose rows belong to a customer and move with a merge. */
    private static final List<String> TABLES = List.of("contact_point", "conversation", "interaction",
            "message_reference", "conversation_task");

    /** A merge refused: the reason says why. */
    public static class MergeRefusedException extends RuntimeException {
        public MergeRefusedException(String message) {
            super(message);
        }
    }

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final OutboxWriter outbox;
    private final AuditTrail audit;

    CustomerMerges(JdbcTemplate jdbc, ObjectMapper json, OutboxWriter outbox, AuditTrail audit) {
        this.jdbc = jdbc;
        this.json = json;
        this.outbox = outbox;
        this.audit = audit;
    }

    /** A merge not undone: which customer was merged in, and when. */
    public record Merge(long id, long mergedId, java.time.Instant mergedAt) {
    }

    /** The latest merges into the customer that can still be undone, newest first. */
    public List<Merge> undoableInto(long survivorId, int limit) {
        return jdbc.query("""
                select id, merged_id, merged_at from customer_merge
                 where survivor_id = ? and undone_at is null order by merged_at desc limit ?""",
                (rs, n) -> new Merge(rs.getLong(1), rs.getLong(2), rs.getTimestamp(3).toInstant()), survivorId, limit);
    }

    /** Merges {@code mergedId} into {@code survivorId}; returns the merge's id. */
    @Transactional
    public long merge(long survivorId, long mergedId, String actor) {
        if (survivorId == mergedId) {
            throw new MergeRefusedException("a customer cannot be merged into itself");
        }
        Map<String, Object> survivor = lock(survivorId);
        Map<String, Object> merged = lock(mergedId);
        if (survivor.get("merged_into_id") != null || merged.get("merged_into_id") != null) {
            throw new MergeRefusedException("customer " + (survivor.get("merged_into_id") != null ? survivorId : mergedId)
                    + " was merged into another already");
        }
        Map<String, List<Long>> moved = new LinkedHashMap<>();
        for (String table : TABLES) {
            moved.put(table, jdbc.queryForList("update " + table + " set customer_id = ? where customer_id = ? "
                    + "returning id", Long.class, survivorId, mergedId));
        }
        Object erp = merged.get("erp_number");
        jdbc.update("update customer set erp_number = null, merged_into_id = ?, updated_at = now() where id = ?",
                survivorId, mergedId);
        jdbc.update("update customer set display_name = coalesce(display_name, ?), erp_number = coalesce(erp_number, ?),"
                + " updated_at = now() where id = ?", merged.get("display_name"), erp, survivorId);
        Long mergeId = jdbc.queryForObject("insert into customer_merge (survivor_id, merged_id, moved, survivor_before, "
                + "merged_before, merged_by) values (?, ?, ?::jsonb, ?::jsonb, ?::jsonb, ?) returning id", Long.class,
                survivorId, mergedId, write(moved), write(survivor), write(merged), actor);
        jdbc.update("update merge_suggestion set status = 'MERGED' where status = 'OPEN' and ((customer_id = ? and "
                + "other_customer_id = ?) or (customer_id = ? and other_customer_id = ?))", survivorId, mergedId, mergedId,
                survivorId);
        audit.record(actor, "customer.merge", "customer", survivorId, Map.of("merged", mergedId, "merge", mergeId,
                "moved", counts(moved)));
        outbox.append(new CustomersMerged(survivorId, mergedId, mergeId, actor));
        return mergeId;
    }

    /** Undoes a merge: both customers as they were, their rows where they were. */
    @Transactional
    public void unmerge(long mergeId, String actor) {
        Map<String, Object> merge = jdbc.queryForList("select * from customer_merge where id = ? for update", mergeId)
                .stream().findFirst().orElseThrow(() -> new MergeRefusedException("there is no merge " + mergeId));
        if (merge.get("undone_at") != null) {
            throw new MergeRefusedException("merge " + mergeId + " was undone already");
        }
        long survivorId = ((Number) merge.get("survivor_id")).longValue();
        long mergedId = ((Number) merge.get("merged_id")).longValue();
        JsonNode moved = read(merge.get("moved"));
        JsonNode survivorBefore = read(merge.get("survivor_before"));
        JsonNode mergedBefore = read(merge.get("merged_before"));
        lock(survivorId);
        lock(mergedId);
        for (String table : TABLES) {
            List<Long> ids = new ArrayList<>();
            moved.path(table).forEach(id -> ids.add(id.asLong()));
            if (!ids.isEmpty()) {
                jdbc.update("update " + table + " set customer_id = ? where customer_id = ? and id = any(?)", mergedId,
                        survivorId, jdbc.execute((java.sql.Connection c) -> c.createArrayOf("bigint", ids.toArray())));
            }
        }
        jdbc.update("update customer set display_name = ?, erp_number = ?, updated_at = now() where id = ?",
                text(survivorBefore, "display_name"), text(survivorBefore, "erp_number"), survivorId);
        jdbc.update("update customer set display_name = ?, erp_number = ?, merged_into_id = null, updated_at = now() "
                + "where id = ?", text(mergedBefore, "display_name"), text(mergedBefore, "erp_number"), mergedId);
        jdbc.update("update customer_merge set undone_at = now(), undone_by = ? where id = ?", actor, mergeId);
        jdbc.update("update merge_suggestion set status = 'OPEN' where status = 'MERGED' and ((customer_id = ? and "
                + "other_customer_id = ?) or (customer_id = ? and other_customer_id = ?))", survivorId, mergedId, mergedId,
                survivorId);
        audit.record(actor, "customer.unmerge", "customer", survivorId, Map.of("merged", mergedId, "merge", mergeId));
        outbox.append(new CustomersUnmerged(survivorId, mergedId, mergeId, actor));
    }

    private Map<String, Object> lock(long id) {
        return jdbc.queryForList("select id, display_name, erp_number, merged_into_id from customer where id = ? "
                + "for update", id).stream().findFirst()
                .orElseThrow(() -> new MergeRefusedException("there is no customer " + id));
    }

    private static Map<String, Integer> counts(Map<String, List<Long>> moved) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        moved.forEach((table, ids) -> counts.put(table, ids.size()));
        return counts;
    }

    private static String text(JsonNode node, String field) {
        return node.path(field).isNull() || node.path(field).isMissingNode() ? null : node.path(field).asText();
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode read(Object value) {
        try {
            return json.readTree(String.valueOf(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
