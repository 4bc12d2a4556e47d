package io.omnihub.routes.errors;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Logs bus messages rolled back for redelivery without flooding the log during an outage: the
 * first failure of a kind on a route is one line (no stack trace) with its reason; further ones of
 * that kind are counted and summed up in one line per {@link #INTERVAL}. An outage of minutes
 * writes a handful of lines, not one stack trace per message.
 */
@Component
public class FailureLog implements DisposableBean {

    static final Duration INTERVAL = Duration.ofSeconds(30);
    private static final Logger log = LoggerFactory.getLogger(FailureLog.class);

    private record Kind(String route, String failure) {
    }

    private final Map<Kind, AtomicLong> since = new ConcurrentHashMap<>();
    private final ScheduledExecutorService summaries = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "failure-log-summary");
        thread.setDaemon(true);
        return thread;
    });

    FailureLog() {
        summaries.scheduleWithFixedDelay(this::summarize, INTERVAL.toMillis(), INTERVAL.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** A bus consumer's message failed and was rolled back for the broker to deliver again. */
    public void rolledBack(String route, Throwable failure) {
        count(route, failure, "a message failed and will be delivered again");
    }

    /** A scheduled route's run failed; it runs again on its next tick. */
    public void tickFailed(String route, Throwable failure) {
        count(route, failure, "a run failed and the next one tries again");
    }

    /** The first failure of a kind at a route is a line; the next ones are counted for the summary. */
    private void count(String route, Throwable failure, String what) {
        Kind kind = new Kind(route, innermost(failure).getClass().getSimpleName());
        AtomicLong count = since.computeIfAbsent(kind, k -> new AtomicLong(-1));
        if (count.compareAndSet(-1, 0)) {
            log.warn("{}: {} ({}{}): {}", route, what, kind.failure(),
                    FailureKinds.outage(failure) ? ", a dependency is unreachable" : "", FailureKinds.reason(failure));
        } else {
            count.incrementAndGet();
        }
    }

    /** How many failures of a kind at a route are counted since its last line (-1: none since). */
    long pending(String route, Class<? extends Throwable> failure) {
        AtomicLong count = since.get(new Kind(route, failure.getSimpleName()));
        return count == null ? -1 : count.get();
    }

    void summarize() {
        since.forEach((kind, count) -> {
            long more = count.getAndSet(-1);
            if (more > 0) {
                log.warn("{}: {} more failures in the last {} s ({}); each message is delivered again, each "
                        + "scheduled run tried again on its next tick", kind.route(), more, INTERVAL.toSeconds(),
                        kind.failure());
            }
        });
        since.values().removeIf(count -> count.get() == -1);
    }

    private static Throwable innermost(Throwable failure) {
        Throwable t = failure;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    @Override
    public void destroy() {
        summaries.shutdownNow();
    }
}
