package io.omnihub.store.conversation;

import io.omnihub.store.events.HubEvent;
import io.omnihub.store.events.SlaBreached;
import io.omnihub.store.events.SlaNearBreach;
import io.omnihub.store.outbox.OutboxWriter;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Announces SLA targets that are near breach or breached, each once per conversation and target:
 * the conversation is marked and the event written to the outbox in one transaction (rows another
 * hub node is marking are skipped). A first response in time stops its clock; resolving the
 * conversation stops both.
 */
@Component
public class SlaScanner {

    private static final Logger log = LoggerFactory.getLogger(SlaScanner.class);
    private static final int BATCH = 200;

    /** One target: its column prefix, the column that meets it, its name in events. */
    private record Target(String column, String metBy, String name) {
    }

    private static final Target[] TARGETS = {new Target("first_response", "first_response_at", "FIRST_RESPONSE"),
        new Target("resolution", "resolved_at", "RESOLUTION")};

    private final JdbcTemplate jdbc;
    private final OutboxWriter outbox;
    private final Clock clock;

    SlaScanner(JdbcTemplate jdbc, OutboxWriter outbox, Clock clock) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public int scan() {
        Timestamp now = Timestamp.from(clock.instant());
        int announced = 0;
        for (Target target : TARGETS) {
            announced += mark(target, "breached", target.column() + "_due_at", now, true);
            announced += mark(target, "warned", target.column() + "_warn_at", now, false);
        }
        return announced;
    }

    private int mark(Target target, String flag, String point, Timestamp now, boolean breach) {
        String flagColumn = target.column() + "_" + flag + "_at";
        String breachedColumn = target.column() + "_breached_at";
        var rows = jdbc.queryForList("update conversation set " + flagColumn + " = ? where id in ("
                + "select id from conversation where " + target.metBy() + " is null and resolved_at is null and "
                + breachedColumn + " is null"
                + " and " + flagColumn + " is null and " + point + " <= ? order by " + point + " limit " + BATCH
                + " for update skip locked) returning id, customer_id, sla_policy, " + target.column() + "_due_at",
                now, now);
        for (var row : rows) {
            Long conversation = ((Number) row.get("id")).longValue();
            Long customer = ((Number) row.get("customer_id")).longValue();
            String policy = (String) row.get("sla_policy");
            Instant due = ((Timestamp) row.get(target.column() + "_due_at")).toInstant();
            HubEvent event = breach ? new SlaBreached(conversation, customer, target.name(), policy, due)
                    : new SlaNearBreach(conversation, customer, target.name(), policy, due);
            outbox.append(event);
            log.info("conversation {}: {} target {} (due {})", conversation, breach ? "breached" : "near breach",
                    target.name(), due);
        }
        return rows.size();
    }
}
