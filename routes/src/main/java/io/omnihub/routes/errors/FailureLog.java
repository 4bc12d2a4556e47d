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

    /** A message of {@code route} failed and goes back to the broker for another delivery. */
    public void rolledBack(String route, Throwable failure) {
        Kind kind = new Kind(route, innermost(failure).getClass().getSimpleName());
        AtomicLong count = since.computeIfAbsent(kind, k -> new AtomicLong(-1));
        if (count.compareAndSet(-1, 0)) {
            log.warn("{}: a message failed and will be delivered again ({}{}): {}", route, kind.failure(),
                    FailureKinds.outage(failure) ? ", a dependency is unreachable" : "", FailureKinds.reason(failure));
        } else {
            count.incrementAndGet();
        }
    }

    void summarize() {
        since.forEach((kind, count) -> {
            long more = count.getAndSet(-1);
            if (more > 0) {
                log.warn("{}: {} more messages failed and will be delivered again in the last {} s ({})", kind.route(),
                        more, INTERVAL.toSeconds(), kind.failure());
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
