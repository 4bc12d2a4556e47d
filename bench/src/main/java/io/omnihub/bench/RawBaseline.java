package io.omnihub.bench;

import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.SplittableRandom;
import org.HdrHistogram.Histogram;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * The least durable work one interaction needs without Omnihub, on the same machine: one
 * persistent send to an Artemis queue and its transacted receive (an embedded broker with a
 * journal on disk, like the hub's), and one PostgreSQL transaction on the hub's database server
 * doing the hub's inserts (customer lookup by contact point, customer and contact point when new,
 * conversation lookup and insert, interaction, outbox row) in a schema of its own. Run one after
 * another, so the figures are the cost of the work itself.
 */
final class RawBaseline {

    /** Per-interaction latency and the throughput of one worker doing nothing else. */
    record Result(Histogram latency, double perSecond) {
    }

    private static final String SCHEMA = "bench_baseline";
    private static final String PAYLOAD = "{\"schema\":\"omnihub.inbound.v1\",\"channel\":\"webform\","
            + "\"inbox\":\"contact\",\"text\":\"" + "Hello, a message of a realistic length. ".repeat(6) + "\"}";

    private final CustomerSeeder database;
    private final int operations;
    private final int knownCustomers;

    RawBaseline(CustomerSeeder database, int operations, int knownCustomers) {
        this.database = database;
        this.operations = operations;
        this.knownCustomers = knownCustomers;
    }

    Result run() throws Exception {
        Path journal = Files.createTempDirectory("omnihub-bench-artemis");
        ConfigurationImpl config = new ConfigurationImpl();
        config.setPersistenceEnabled(true);
        config.setSecurityEnabled(false);
        config.setJournalDirectory(journal.resolve("journal").toString());
        config.setBindingsDirectory(journal.resolve("bindings").toString());
        config.setLargeMessagesDirectory(journal.resolve("large").toString());
        config.setPagingDirectory(journal.resolve("paging").toString());
        config.addAcceptorConfiguration("in-vm", "vm://91");
        EmbeddedActiveMQ broker = new EmbeddedActiveMQ().setConfiguration(config);
        broker.start();
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory("vm://91");
             Connection connection = factory.createConnection();
             java.sql.Connection db = database.connect()) {
            connection.start();
            Session sending = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Session receiving = connection.createSession(true, Session.SESSION_TRANSACTED);
            Queue queue = sending.createQueue("baseline.inbound");
            MessageProducer producer = sending.createProducer(queue);
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
            MessageConsumer consumer = receiving.createConsumer(queue);
            prepareSchema(db);
            long inboxId = 1;
            SplittableRandom random = new SplittableRandom(7);
            Histogram latency = new Histogram(60_000_000_000L, 3);
            int warmup = Math.min(500, operations / 4);
            long started = 0;
            for (int i = -warmup; i < operations; i++) {
                if (i == 0) {
                    started = System.nanoTime();
                }
                long t0 = System.nanoTime();
                producer.send(sending.createTextMessage(PAYLOAD));
                TextMessage received = (TextMessage) consumer.receive(10_000);
                boolean known = knownCustomers > 0 && random.nextDouble() < 0.6;
                String address = known ? "seed-" + (1 + random.nextInt(knownCustomers)) + "@baseline.test"
                        : "new-" + System.nanoTime() + "@baseline.test";
                record(db, inboxId, address, "baseline-" + System.nanoTime() + "-" + i, received.getText());
                receiving.commit();
                if (i >= 0) {
                    latency.recordValue(System.nanoTime() - t0);
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            return new Result(latency, operations / seconds);
        } finally {
            broker.stop();
        }
    }

    private void prepareSchema(java.sql.Connection db) throws SQLException {
        try (var s = db.createStatement()) {
            s.execute("drop schema if exists " + SCHEMA + " cascade");
            s.execute("create schema " + SCHEMA);
            for (String table : new String[] {"customer", "contact_point", "conversation", "interaction", "outbox"}) {
                s.execute("create table " + SCHEMA + "." + table + " (like public." + table + " including all)");
            }
            // known customers of the same count as the hub's seeded ones, so lookups hit an index of that size
            s.execute("insert into " + SCHEMA + ".customer (display_name) select 'Seed ' || g from generate_series(1, "
                    + knownCustomers + ") g");
            s.execute("insert into " + SCHEMA + ".contact_point (customer_id, type, value, source) "
                    + "select id, 'EMAIL', 'seed-' || id || '@baseline.test', 'bench' from " + SCHEMA + ".customer");
            s.execute("analyze");
        }
    }

    private static void record(java.sql.Connection db, long inboxId, String address, String externalId, String text)
            throws SQLException {
        db.setAutoCommit(false);
        try {
            Long customerId = single(db, "select customer_id from " + SCHEMA
                    + ".contact_point where type = 'EMAIL' and value = ?", address);
            if (customerId == null) {
                customerId = single(db, "insert into " + SCHEMA + ".customer (display_name) values (?) returning id",
                        address);
                update(db, "insert into " + SCHEMA + ".contact_point (customer_id, type, value, source) "
                        + "values (" + customerId + ", 'EMAIL', ?, 'webform')", address);
            }
            Long conversationId = single(db, "select id from " + SCHEMA + ".conversation where customer_id = "
                    + customerId + " and channel = ? and status <> 'RESOLVED' limit 1", "webform");
            if (conversationId == null) {
                conversationId = single(db, "insert into " + SCHEMA + ".conversation (customer_id, inbox_id, channel, "
                        + "status, opened_at, last_activity_at) values (" + customerId + ", " + inboxId
                        + ", ?, 'OPEN', now(), now()) returning id", "webform");
            }
            update(db, "insert into " + SCHEMA + ".interaction (conversation_id, customer_id, inbox_id, channel, "
                    + "direction, kind, external_id, occurred_at, body_text) values (" + conversationId + ", "
                    + customerId + ", " + inboxId + ", 'webform', 'INBOUND', 'FORM_SUBMISSION', ?, now(), '"
                    + text.replace("'", "''") + "')", externalId);
            update(db, "insert into " + SCHEMA + ".outbox (event_id, event_type, customer_id, payload) "
                    + "values (gen_random_uuid(), 'InteractionRecorded', " + customerId + ", ?::jsonb)", text);
            db.commit();
        } catch (SQLException e) {
            db.rollback();
            throw e;
        } finally {
            db.setAutoCommit(true);
        }
    }

    private static Long single(java.sql.Connection db, String sql, String parameter) throws SQLException {
        try (PreparedStatement s = db.prepareStatement(sql)) {
            s.setString(1, parameter);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getLong(1) : null;
            }
        }
    }

    private static void update(java.sql.Connection db, String sql, String parameter) throws SQLException {
        try (PreparedStatement s = db.prepareStatement(sql)) {
            s.setString(1, parameter);
            s.executeUpdate();
        }
    }
}
