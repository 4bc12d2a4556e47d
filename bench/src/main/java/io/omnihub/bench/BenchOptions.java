package io.omnihub.bench;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * What one benchmark run does, from {@code --name value} arguments.
 *
 * @param hub          base URL of the running hub
 * @param user         a hub administrator: the run issues itself an API token with it
 * @param password     that user's password
 * @param form         the web form the load posts to
 * @param rate         submissions per second, scheduled open-loop (arrivals do not wait for answers)
 * @param duration     how long the measured load lasts
 * @param warmup       load before measuring, to let the JIT and the pools settle
 * @param customers    customers seeded before the run (existing seeded customers are kept)
 * @param history      conversations with one interaction each seeded per customer
 * @param returning    share of submissions from an already known (seeded) customer
 * @param dbUrl        JDBC URL of the hub's database, for seeding and the raw baseline
 * @param dbUser       database user
 * @param dbPassword   database password
 * @param baselineOps  interactions the raw baseline performs
 * @param scenario     {@code webform} (open-loop form posts), {@code sms} (open-loop Twilio webhooks),
 *                     {@code email-burst}, {@code inbox-list} or {@code screen} (event-to-screen in Chromium)
 * @param mails        mails in the email burst
 * @param mailboxes    mailboxes the burst is spread over (the hub must serve them: bench/email-burst.yml)
 */
record BenchOptions(URI hub, String user, String password, String form, double rate, Duration duration,
        Duration warmup, int customers, int history, double returning, String dbUrl, String dbUser,
        String dbPassword, int baselineOps, String scenario, int mails, int mailboxes, int requests) {

    static final String USAGE = """
            usage: java -jar bench/target/omnihub-bench.jar [--name value ...]
              --hub URL            running hub (default http://localhost:8080)
              --user NAME          hub administrator; the run issues itself an API token (default admin)
              --password SECRET    its password (default: $OMNIHUB_ADMIN_PASSWORD)
              --form KEY           web form to post to (default contact)
              --rate N             submissions per second, open loop (default 50)
              --duration 60s       measured load (default 60s)
              --warmup 10s         unmeasured load first (default 10s)
              --customers N        customers to seed first, e.g. 10000 or 1000000 (default 10000)
              --history N          past conversations seeded per customer (default 2)
              --returning 0.6      share of posts from a seeded customer (default 0.6)
              --db-url URL         hub database (default jdbc:postgresql://localhost:15432/omnihub)
              --db-user NAME       (default postgres)   --db-password SECRET (default postgres)
              --baseline-ops N     interactions in the raw Artemis + PostgreSQL baseline (default 2000)
              --scenario NAME      webform (default); sms: signed Twilio webhooks (start the hub with
                                   --spring.config.additional-location=file:bench/sms.yml); or
                                   email-burst: --mails N (1000) delivered at once across
                                   --mailboxes N (20) of an IMAP server the benchmark starts on 127.0.0.1:3143;
                                   start the hub with --spring.config.additional-location=file:bench/email-burst.yml;
                                   or inbox-list: the conversation list with customers x history conversations
                                   (a fifth made open), --requests N (50) per list;
                                   or screen: --requests N form posts at --rate with the console inbox
                                   open in headless Chromium (/usr/bin/chromium, /usr/bin/chromedriver):
                                   post -> row on screen
            """;

    static BenchOptions parse(String[] args) {
        Map<String, String> given = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value pairs, got '" + args[i] + "'");
            }
            given.put(args[i].substring(2), args[++i]);
        }
        String password = given.getOrDefault("password", System.getenv("OMNIHUB_ADMIN_PASSWORD"));
        if (password == null || password.isBlank()) {
            throw new IllegalArgumentException("give the hub user's password with --password or OMNIHUB_ADMIN_PASSWORD");
        }
        BenchOptions options = new BenchOptions(
                URI.create(given.getOrDefault("hub", "http://localhost:8080")),
                given.getOrDefault("user", "admin"), password,
                given.getOrDefault("form", "contact"),
                Double.parseDouble(given.getOrDefault("rate", "50")),
                duration(given.getOrDefault("duration", "60s")),
                duration(given.getOrDefault("warmup", "10s")),
                Integer.parseInt(given.getOrDefault("customers", "10000")),
                Integer.parseInt(given.getOrDefault("history", "2")),
                Double.parseDouble(given.getOrDefault("returning", "0.6")),
                given.getOrDefault("db-url", "jdbc:postgresql://localhost:15432/omnihub"),
                given.getOrDefault("db-user", "postgres"), given.getOrDefault("db-password", "postgres"),
                Integer.parseInt(given.getOrDefault("baseline-ops", "2000")),
                given.getOrDefault("scenario", "webform"),
                Integer.parseInt(given.getOrDefault("mails", "1000")),
                Integer.parseInt(given.getOrDefault("mailboxes", "20")),
                Integer.parseInt(given.getOrDefault("requests", "50")));
        given.keySet().removeAll(java.util.Set.of("hub", "user", "password", "form", "rate", "duration", "warmup",
                "customers", "history", "returning", "db-url", "db-user", "db-password", "baseline-ops", "scenario",
                "mails", "mailboxes", "requests"));
        if (!given.isEmpty()) {
            throw new IllegalArgumentException("unknown options " + given.keySet());
        }
        if (!java.util.Set.of("webform", "sms", "email-burst", "inbox-list", "screen").contains(options.scenario)) {
            throw new IllegalArgumentException("--scenario is webform, sms, email-burst, inbox-list or screen");
        }
        if (options.requests < 1) {
            throw new IllegalArgumentException("--requests is at least 1");
        }
        if (options.mailboxes < 1 || options.mailboxes > 20 || options.mails < 1) {
            throw new IllegalArgumentException("--mailboxes is 1..20 (bench/email-burst.yml serves 20), --mails positive");
        }
        if (options.rate <= 0 || options.returning < 0 || options.returning > 1 || options.customers < 0) {
            throw new IllegalArgumentException("rate must be positive, returning within 0..1, customers >= 0");
        }
        return options;
    }

    /** {@code 90s}, {@code 2m} or an ISO-8601 duration. */
    static Duration duration(String text) {
        String t = text.strip().toLowerCase();
        if (t.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
        }
        if (t.endsWith("s")) {
            return Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1)));
        }
        if (t.endsWith("m")) {
            return Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1)));
        }
        return Duration.parse(text);
    }
}
