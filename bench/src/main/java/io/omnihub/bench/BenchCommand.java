package io.omnihub.bench;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.Executors;
import org.HdrHistogram.Histogram;

/**
 * One benchmark run against a running hub: seed customers, measure the raw Artemis + PostgreSQL
 * baseline on the same machine, warm up, then drive open-loop web-form load at a set rate while
 * watching the console's event stream, and print throughput, latency percentiles, errors, the
 * hub's CPU and memory, and each latency as a ratio to the baseline.
 */
public final class BenchCommand {

    private BenchCommand() {
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(BenchOptions.USAGE);
            System.exit(2);
            return;
        }
        System.exit(new BenchCommand().run(options) ? 0 : 1);
    }

    boolean run(BenchOptions options) throws Exception {
        System.out.printf("Omnihub benchmark: %s, %.0f submissions/s for %ds after %ds warm-up, %,d customers%n",
                options.hub(), options.rate(), options.duration().toSeconds(), options.warmup().toSeconds(),
                options.customers());
        CustomerSeeder seeder = new CustomerSeeder(options);
        System.out.println("seeding customers ...");
        int seeded = seeder.seed(options.form());
        if (options.scenario().equals("inbox-list")) {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            return new InboxListBench(options, seeder).run(http,
                    HubAccess.bearerToken(http, options.hub(), options.user(), options.password()), options.requests());
        }

        if (options.scenario().equals("screen")) {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            return new ScreenLatencyBench(options).run(http,
                    HubAccess.bearerToken(http, options.hub(), options.user(), options.password()));
        }
        System.out.printf("raw baseline (%,d interactions, one at a time) ...%n", options.baselineOps());
        RawBaseline.Result baseline = new RawBaseline(seeder, options.baselineOps(), seeded).run();

        HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "bench-http");
            t.setDaemon(true);
            return t;
        })).connectTimeout(Duration.ofSeconds(5)).build();
        LatencyRecorder recorder = new LatencyRecorder();
        Traffic traffic = options.scenario().equals("sms")
                ? new SmsTraffic(options.hub(), seeded, options.returning())
                : new WebFormTraffic(options.hub(), options.form(), seeded, options.returning());
        OpenLoopLoad load = new OpenLoopLoad(http, traffic, recorder);
        String authorization = HubAccess.bearerToken(http, options.hub(), options.user(), options.password());
        if (options.scenario().equals("email-burst")) {
            return emailBurst(options, seeded, baseline, http, authorization);
        }
        try (ConsoleEventStream events = new ConsoleEventStream(recorder);
             HubResources resources = new HubResources(http, options.hub(), authorization)) {
            events.open(http, options.hub(), authorization);
            System.out.println("warming up ...");
            load.run(options.rate(), options.warmup());
            drain(recorder, Duration.ofSeconds(30));
            recorder.endToEnd();
            recorder.acceptance();

            System.out.println("measuring ...");
            recorder.measure(true);
            long completedBefore = recorder.completed();
            resources.start();
            long started = System.nanoTime();
            OpenLoopLoad.Outcome outcome = load.run(options.rate(), options.duration());
            boolean drained = drain(recorder, Duration.ofSeconds(60));
            double seconds = (System.nanoTime() - started) / 1e9;
            recorder.measure(false);
            HubResources.Usage usage = resources.usage();
            long visible = recorder.completed() - completedBefore;
            report(options, seeded, outcome, recorder.endToEnd(), recorder.acceptance(), visible, seconds, usage,
                    baseline, drained ? 0 : recorder.outstanding());
            return drained && outcome.failed() == 0 && outcome.refusedByStatus().isEmpty();
        }
    }

    private static boolean emailBurst(BenchOptions options, int seeded, RawBaseline.Result baseline, HttpClient http,
            String authorization) throws Exception {
        EmailBurst burst = new EmailBurst(options.mails(), options.mailboxes(), seeded);
        var server = burst.startServer();
        LatencyRecorder recorder = new LatencyRecorder();
        try (ConsoleEventStream events = new ConsoleEventStream(recorder);
             HubResources resources = new HubResources(http, options.hub(), authorization)) {
            events.open(http, options.hub(), authorization);
            System.out.println("IMAP server up; letting the hub's mailbox polls connect ...");
            Thread.sleep(5000);
            resources.start();
            System.out.printf("delivering %,d mails across %d mailboxes ...%n", options.mails(), options.mailboxes());
            EmailBurst.Result result = burst.run(server, recorder);
            HubResources.Usage usage = resources.usage();
            System.out.println();
            System.out.println("== Omnihub email burst result ==");
            System.out.printf("mails                     %,d across %d mailboxes (poll interval 1 s), %,d known customers%n",
                    result.mails(), options.mailboxes(), seeded);
            System.out.printf("delivered into mailboxes  in %.1f s%n", result.deliverySeconds());
            System.out.printf("all visible on console    %.1f s after the burst began%s%n", result.allVisibleSeconds(),
                    result.missing() > 0 ? " (" + result.missing() + " NEVER SEEN)" : "");
            System.out.println("latency (ms)              p50      p95      p99      max");
            row("mailbox -> console", result.latency());
            row("raw baseline", baseline.latency());
            System.out.printf("hub CPU                   avg %.0f%%, peak %.0f%% of %d cores%n", 100 * usage.cpuAverage(),
                    100 * usage.cpuPeak(), usage.cores());
            System.out.printf("hub JVM memory            peak %.0f MiB used%n", usage.heapAndNonHeapPeakBytes() / 1048576.0);
            return result.missing() == 0;
        } finally {
            server.stop();
        }
    }

    /** Waits until every accepted submission has shown up on the event stream. */
    private static boolean drain(LatencyRecorder recorder, Duration atMost) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (recorder.outstanding() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        return recorder.outstanding() == 0;
    }

    private static void report(BenchOptions options, int seeded, OpenLoopLoad.Outcome outcome, Histogram endToEnd,
            Histogram accepted, long visible, double seconds, HubResources.Usage usage, RawBaseline.Result baseline,
            long missing) {
        Histogram base = baseline.latency();
        System.out.println();
        System.out.println("== Omnihub benchmark result ==");
        System.out.printf("customers seeded          %,d (plus %d past conversations each)%n", seeded, options.history());
        System.out.printf("offered rate              %.1f/s (achieved %.1f/s), %,d submissions %s%n", options.rate(),
                outcome.achievedRate(), outcome.sent(), outcome.shapes());
        System.out.printf("accepted (2xx)            %,d%n", outcome.accepted());
        System.out.printf("refused                   %s%n", outcome.refusedByStatus().isEmpty() ? "none"
                : outcome.refusedByStatus());
        System.out.printf("failed (no answer)        %,d%n", outcome.failed());
        System.out.printf("visible on event stream   %,d in %.1f s -> %.1f interactions/s%s%n", visible, seconds,
                visible / seconds, missing > 0 ? " (" + missing + " NEVER SEEN)" : "");
        System.out.println();
        System.out.println("latency (ms)              p50      p95      p99      max");
        row("post -> accepted", accepted);
        row("post -> console event", endToEnd);
        row("raw baseline", base);
        System.out.printf("ratio to baseline      %8.1fx %8.1fx %8.1fx%n",
                ratio(endToEnd, base, 50), ratio(endToEnd, base, 95), ratio(endToEnd, base, 99));
        System.out.printf("raw baseline throughput   %.0f interactions/s on one worker%n", baseline.perSecond());
        System.out.println();
        System.out.printf("hub CPU                   avg %.0f%%, peak %.0f%% of %d cores (%d samples)%n",
                100 * usage.cpuAverage(), 100 * usage.cpuPeak(), usage.cores(), usage.samples());
        System.out.printf("hub JVM memory            peak %.0f MiB used%n", usage.heapAndNonHeapPeakBytes() / 1048576.0);
    }

    private static void row(String name, Histogram h) {
        System.out.printf("%-22s %8.1f %8.1f %8.1f %8.1f%n", name, ms(h, 50), ms(h, 95), ms(h, 99),
                h.getMaxValue() / 1e6);
    }

    private static double ms(Histogram h, double percentile) {
        return h.getValueAtPercentile(percentile) / 1e6;
    }

    private static double ratio(Histogram hub, Histogram baseline, double percentile) {
        double base = baseline.getValueAtPercentile(percentile);
        return base == 0 ? 0 : hub.getValueAtPercentile(percentile) / base;
    }
}
