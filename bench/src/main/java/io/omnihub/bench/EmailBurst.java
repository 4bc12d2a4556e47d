package io.omnihub.bench;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.UUID;
import org.HdrHistogram.Histogram;

/**
 * The email burst: a real IMAP server (GreenMail, started here) holds the hub's mailboxes
 * (configured with {@code bench/email-burst.yml}); {@code mails} messages land across them at
 * once, as after a newsletter or an outage, and each is timed from its delivery into the mailbox
 * to its event on the console's live stream. Includes the hub's poll interval (1 s in that file).
 */
final class EmailBurst {

    static final int IMAP_PORT = 3143;

    /** What the burst showed. */
    record Result(int mails, double deliverySeconds, double allVisibleSeconds, Histogram latency, long missing) {
    }

    private final int mails;
    private final int mailboxes;
    private final int knownCustomers;

    EmailBurst(int mails, int mailboxes, int knownCustomers) {
        this.mails = mails;
        this.mailboxes = mailboxes;
        this.knownCustomers = knownCustomers;
    }

    GreenMail startServer() {
        GreenMail server = new GreenMail(new ServerSetup(IMAP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_IMAP));
        server.start();
        for (int i = 1; i <= mailboxes; i++) {
            String n = String.format("%02d", i);
            server.setUser("box" + n + "@bench.omnihub.test", "box" + n, "bench");
        }
        return server;
    }

    Result run(GreenMail server, LatencyRecorder recorder) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        SplittableRandom random = new SplittableRandom(3);
        Session session = Session.getInstance(new Properties());
        long completedBefore = recorder.completed();
        recorder.measure(true);
        long start = System.nanoTime();
        for (int i = 0; i < mails; i++) {
            String box = String.format("box%02d", 1 + i % mailboxes);
            String from = knownCustomers > 0 && random.nextDouble() < 0.6
                    ? "seed-" + (1 + random.nextInt(knownCustomers)) + "@" + CustomerSeeder.DOMAIN
                    : "mailer-" + run + "-" + i + "@example.com";
            String messageId = "burst-" + run + "-" + i + "@bench.omnihub.test";
            String raw = "From: " + from + "\r\nTo: " + box + "@bench.omnihub.test\r\nSubject: Order question " + i
                    + "\r\nMessage-ID: <" + messageId + ">\r\nDate: Wed, 25 Nov 2026 10:00:00 +0000\r\n"
                    + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n"
                    + "Hello, where is my order " + i + "? Thanks.\r\n";
            long delivered = System.nanoTime();
            server.getUserManager().getUser(box).deliver(new MimeMessage(session,
                    new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8))));
            recorder.accepted(messageId, delivered, delivered);
        }
        double deliverySeconds = (System.nanoTime() - start) / 1e9;
        long deadline = System.nanoTime() + 300_000_000_000L;
        while (recorder.outstanding() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        double allVisible = (System.nanoTime() - start) / 1e9;
        recorder.measure(false);
        long seen = recorder.completed() - completedBefore;
        return new Result(mails, deliverySeconds, allVisible, recorder.endToEnd(), mails - seen);
    }
}
