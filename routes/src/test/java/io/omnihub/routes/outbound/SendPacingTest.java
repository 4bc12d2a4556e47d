package io.omnihub.routes.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Slots per number on a clock the test moves: waits are computed, not measured. */
class SendPacingTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final List<Duration> slept = new ArrayList<>();
    private final SendPacing pacing = new SendPacing(now::get, d -> {
        slept.add(d);
        now.addAndGet(d.toNanos());
    });

    @Test
    void sendsFromOneNumberAreSpacedToTheRate() throws Exception {
        assertThat(pacing.await("+15005550006", 2)).isZero();
        assertThat(pacing.await("+15005550006", 2)).isEqualTo(Duration.ofMillis(500));
        assertThat(pacing.await("+15005550006", 2)).isEqualTo(Duration.ofMillis(500));
        assertThat(slept).hasSize(2);
    }

    @Test
    void eachNumberHasItsOwnSlots() throws Exception {
        assertThat(pacing.await("+15005550006", 1)).isZero();
        assertThat(pacing.await("+15005550007", 1)).isZero();
        assertThat(pacing.await("+15005550006", 1)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aNumberIdleLongerThanItsIntervalSendsAtOnce() throws Exception {
        pacing.await("+15005550006", 1);
        now.addAndGet(Duration.ofSeconds(5).toNanos());
        assertThat(pacing.await("+15005550006", 1)).isZero();
    }

    @Test
    void concurrentSendersNeverShareASlot() throws Exception {
        SendPacing shared = new SendPacing(() -> 0L, d -> { });
        List<Duration> waits = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Thread thread = new Thread(() -> {
                try {
                    waits.add(shared.await("+15005550006", 10));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread t : threads) {
            t.join();
        }
        assertThat(waits).extracting(Duration::toMillis).containsExactlyInAnyOrder(0L, 100L, 200L, 300L, 400L,
                500L, 600L, 700L);
    }
}
