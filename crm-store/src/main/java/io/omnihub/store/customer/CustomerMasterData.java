package io.omnihub.store.customer;

import java.sql.Array;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Customer master data from an ERP, upserted by ERP customer number, a chunk of records at a time
 * (one transaction each, a few set-based queries per chunk, so 100,000 records take seconds). A
 * record is matched to an existing customer by its ERP number; else by an email address or phone
 * number the customer has proven theirs (it wrote or called from it, or it is marked verified) —
 * a web-form address someone typed does not count; anything else ambiguous (an address belonging
 * to another customer, proven addresses of two customers) creates the ERP customer with the
 * uncontested addresses and a merge suggestion for each other customer: never a silent merge.
 * Imported customers emit no events: the ERP is where they came from.
 */
@Repository
public class CustomerMasterData {

    /** One ERP record, addresses normalized. {@code line} is where it came from (a CSV line, a batch index). */
    public record Record(long line, String erpNumber, String name, List<String> emails, List<String> phones) {
    }

    public enum Result { CREATED, UPDATED, MATCHED, MERGE_SUGGESTED }

    /** What became of one record. */
    public record Outcome(long line, String erpNumber, Result result, long customerId, String note) {
    }

    /** Two customers that may be one person, and why; {@code status} OPEN, MERGED or DISMISSED. */
    public record MergeSuggestion(long id, long customerId, long otherCustomerId, String reason, String source,
            String status, Instant createdAt) {
    }

    private record Owner(long customerId, boolean proven) {
    }

    private final JdbcTemplate jdbc;

    CustomerMasterData(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Upserts the records (distinct ERP numbers) in one transaction. */
    @Transactional
    public List<Outcome> upsert(List<Record> records, String source) {
        Map<String, Long> byErp = new HashMap<>();
        jdbc.query("select erp_number, id from customer where erp_number = any(?)",
                rs -> { byErp.put(rs.getString(1), rs.getLong(2)); },
                array(records.stream().map(Record::erpNumber).toList()));
        Map<String, Owner> owners = new HashMap<>();
        Set<String> values = new LinkedHashSet<>();
        records.forEach(r -> {
            values.addAll(r.emails());
            values.addAll(r.phones());
        });
        jdbc.query("select type, value, customer_id, verified or source not like 'webform:%' from contact_point "
                + "where value = any(?) and type in ('EMAIL', 'PHONE')",
                rs -> { owners.put(rs.getString(1) + ":" + rs.getString(2), new Owner(rs.getLong(3), rs.getBoolean(4))); },
                array(new ArrayList<>(values)));
        Map<Long, String> erpOfOwner = new HashMap<>();
        Set<Long> ownerIds = new LinkedHashSet<>();
        owners.values().forEach(o -> ownerIds.add(o.customerId()));
        if (!ownerIds.isEmpty()) {
            jdbc.query("select id, erp_number from customer where id = any(?)",
                    rs -> { erpOfOwner.put(rs.getLong(1), rs.getString(2)); }, array(new ArrayList<>(ownerIds)));
        }

        List<Outcome> outcomes = new ArrayList<>();
        List<Object[]> newContacts = new ArrayList<>();
        String contactSource = "erp:" + source;
        for (Record record : records) {
            Map<String, Owner> mine = new HashMap<>();
            record.emails().forEach(e -> put(mine, owners, "EMAIL:" + e));
            record.phones().forEach(p -> put(mine, owners, "PHONE:" + p));
            Long existing = byErp.get(record.erpNumber());
            Set<Long> others = new LinkedHashSet<>();
            mine.values().forEach(o -> {
                if (existing == null || o.customerId() != existing) {
                    others.add(o.customerId());
                }
            });
            Outcome outcome;
            long customer;
            if (existing != null) {
                customer = existing;
                jdbc.update("update customer set display_name = coalesce(?, display_name), updated_at = now() "
                        + "where id = ?", record.name(), customer);
                outcome = others.isEmpty() ? new Outcome(record.line(), record.erpNumber(), Result.UPDATED, customer, null)
                        : suggest(record, customer, others, source);
            } else {
                Set<Long> proven = new LinkedHashSet<>();
                mine.values().stream().filter(Owner::proven).forEach(o -> proven.add(o.customerId()));
                if (others.size() == 1 && proven.size() == 1 && erpOfOwner.get(proven.iterator().next()) == null) {
                    customer = proven.iterator().next();
                    jdbc.update("update customer set erp_number = ?, display_name = coalesce(display_name, ?), "
                            + "updated_at = now() where id = ?", record.erpNumber(), record.name(), customer);
                    erpOfOwner.put(customer, record.erpNumber());
                    outcome = new Outcome(record.line(), record.erpNumber(), Result.MATCHED, customer,
                            "matched by a proven address");
                } else {
                    customer = jdbc.queryForObject("insert into customer (display_name, erp_number) values (?, ?) "
                            + "returning id", Long.class, record.name(), record.erpNumber());
                    outcome = others.isEmpty()
                            ? new Outcome(record.line(), record.erpNumber(), Result.CREATED, customer, null)
                            : suggest(record, customer, others, source);
                }
            }
            byErp.put(record.erpNumber(), customer);
            for (String email : record.emails()) {
                addIfFree(newContacts, owners, "EMAIL", email, customer, contactSource);
            }
            for (String phone : record.phones()) {
                addIfFree(newContacts, owners, "PHONE", phone, customer, contactSource);
            }
            outcomes.add(outcome);
        }
        jdbc.batchUpdate("insert into contact_point (customer_id, type, value, source) values (?, ?, ?, ?) "
                + "on conflict (type, value) do nothing", newContacts);
        return outcomes;
    }

    /** The merge suggestions with this status, newest first, at most {@code limit}. */
    public List<MergeSuggestion> mergeSuggestions(String status, int limit) {
        return jdbc.query("select id, customer_id, other_customer_id, reason, source, status, created_at from "
                + "merge_suggestion where status = ? order by id desc limit ?", (rs, n) -> new MergeSuggestion(
                rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getTimestamp(7).toInstant()), status, limit);
    }

    private Outcome suggest(Record record, long customer, Set<Long> others, String source) {
        for (Long other : others) {
            jdbc.update("insert into merge_suggestion (customer_id, other_customer_id, reason, source) values (?, ?, ?, ?) "
                    + "on conflict do nothing", customer, other, "ERP customer " + record.erpNumber()
                    + " shares an address with customer " + other, "erp:" + source);
        }
        return new Outcome(record.line(), record.erpNumber(), Result.MERGE_SUGGESTED, customer,
                "shares an address with customer(s) " + others + ": merge suggested");
    }

    private static void put(Map<String, Owner> mine, Map<String, Owner> owners, String key) {
        Owner owner = owners.get(key);
        if (owner != null) {
            mine.put(key, owner);
        }
    }

    private static void addIfFree(List<Object[]> inserts, Map<String, Owner> owners, String type, String value,
            long customer, String source) {
        if (!owners.containsKey(type + ":" + value)) {
            owners.put(type + ":" + value, new Owner(customer, false));
            inserts.add(new Object[] {customer, type, value, source});
        }
    }

    private Array array(List<?> values) {
        boolean numbers = !values.isEmpty() && values.get(0) instanceof Long;
        return jdbc.execute((java.sql.Connection c) -> c.createArrayOf(numbers ? "bigint" : "text", values.toArray()));
    }
}
