package io.omnihub.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Seeds the hub's database with customers as if they had written before: each has an email
 * address, every second one a phone number too, and a few past web-form conversations. Set-based
 * SQL in chunks; seeded customers are recognised by their address domain and kept between runs.
 */
final class CustomerSeeder {

    static final String DOMAIN = "bench.omnihub.test";
    private static final int CHUNK = 50_000;

    private final BenchOptions options;

    CustomerSeeder(BenchOptions options) {
        this.options = options;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(options.dbUrl(), options.dbUser(), options.dbPassword());
    }

    /** Seeds up to {@code options.customers()} and answers how many seeded customers exist. */
    int seed(String inboxKey) throws SQLException {
        try (Connection db = connect()) {
            int existing = count(db, "select count(*) from contact_point where type = 'EMAIL' and value like 'seed-%@"
                    + DOMAIN + "'");
            if (existing >= options.customers()) {
                return existing;
            }
            long inboxId = inboxId(db, inboxKey);
            long started = System.nanoTime();
            for (int from = existing + 1; from <= options.customers(); from += CHUNK) {
                int to = Math.min(options.customers(), from + CHUNK - 1);
                seedChunk(db, inboxId, from, to);
                System.out.printf("  seeded customers %,d..%,d%n", from, to);
            }
            db.createStatement().execute("analyze");
            System.out.printf("  seeding took %.1f s%n", (System.nanoTime() - started) / 1e9);
            return options.customers();
        }
    }

    private void seedChunk(Connection db, long inboxId, int from, int to) throws SQLException {
        db.setAutoCommit(false);
        try (PreparedStatement customers = db.prepareStatement("""
                create temporary table seeded on commit drop as
                with c as (
                  insert into customer (display_name)
                  select 'Seed customer ' || g from generate_series(?, ?) g
                  returning id, substr(display_name, 15)::int as n)
                select id, n from c""");
             PreparedStatement emails = db.prepareStatement("""
                insert into contact_point (customer_id, type, value, source, verified)
                select id, 'EMAIL', 'seed-' || n || '@%s', 'bench', true from seeded""".formatted(DOMAIN));
             PreparedStatement phones = db.prepareStatement("""
                insert into contact_point (customer_id, type, value, source, verified)
                select id, 'PHONE', '+1555' || lpad(n::text, 7, '0'), 'bench', false from seeded where n % 2 = 0""");
             PreparedStatement conversations = db.prepareStatement("""
                create temporary table seeded_conversation on commit drop as
                with c as (
                  insert into conversation (customer_id, inbox_id, channel, status, subject, thread_key,
                                            threading_rule, opened_at, last_activity_at, resolved_at)
                  select s.id, ?, 'webform', 'RESOLVED', 'Earlier question ' || h, null, 'NEW_CONVERSATION',
                         now() - (h || ' days')::interval, now() - (h || ' days')::interval,
                         now() - (h || ' days')::interval + interval '1 hour'
                    from seeded s, generate_series(1, ?) h
                  returning id, customer_id, opened_at)
                select * from c""");
             PreparedStatement interactions = db.prepareStatement("""
                insert into interaction (conversation_id, customer_id, inbox_id, channel, direction, kind,
                                         external_id, occurred_at, sender, subject, body_text)
                select c.id, c.customer_id, ?, 'webform', 'INBOUND', 'FORM_SUBMISSION',
                       'bench-seed-' || c.id, c.opened_at, null, 'Earlier question',
                       'A message written before the benchmark started.'
                  from seeded_conversation c""")) {
            customers.setInt(1, from);
            customers.setInt(2, to);
            customers.execute();
            emails.executeUpdate();
            phones.executeUpdate();
            conversations.setLong(1, inboxId);
            conversations.setInt(2, options.history());
            conversations.execute();
            interactions.setLong(1, inboxId);
            interactions.executeUpdate();
            db.commit();
        } catch (SQLException e) {
            db.rollback();
            throw e;
        } finally {
            db.setAutoCommit(true);
        }
    }

    private static long inboxId(Connection db, String key) throws SQLException {
        try (PreparedStatement s = db.prepareStatement("select id from inbox where key = ?")) {
            s.setString(1, key);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    throw new IllegalStateException("the hub has no inbox '" + key + "': is it running on this database?");
                }
                return r.getLong(1);
            }
        }
    }

    static int count(Connection db, String sql) throws SQLException {
        try (ResultSet r = db.createStatement().executeQuery(sql)) {
            r.next();
            return r.getInt(1);
        }
    }
}
