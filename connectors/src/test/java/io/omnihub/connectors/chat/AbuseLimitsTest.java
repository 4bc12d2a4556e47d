package io.omnihub.connectors.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class AbuseLimitsTest {

    private Instant now = Instant.parse("2026-11-25T10:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    @Test
    void allowsUpToTheLimitWithinTheWindowThenAgainOnceTheOldestEventsLeaveIt() {
        AbuseLimits limits = new AbuseLimits(clock);
        for (int i = 0; i < 3; i++) {
            assertThat(limits.allow("visitor:a", 3, Duration.ofMinutes(1))).isTrue();
            now = now.plusSeconds(10);
        }
        assertThat(limits.allow("visitor:a", 3, Duration.ofMinutes(1))).isFalse();
        // another key has its own count
        assertThat(limits.allow("visitor:b", 3, Duration.ofMinutes(1))).isTrue();
        // 60 s after the first event it has left the window: one more is allowed, not two
        now = Instant.parse("2026-11-25T10:01:00Z");
        assertThat(limits.allow("visitor:a", 3, Duration.ofMinutes(1))).isTrue();
        assertThat(limits.allow("visitor:a", 3, Duration.ofMinutes(1))).isFalse();
    }

    @Test
    void refusedEventsAreNotCountedSoAPausedVisitorIsNotLockedOutForLonger() {
        AbuseLimits limits = new AbuseLimits(clock);
        assertThat(limits.allow("ip:x", 1, Duration.ofMinutes(1))).isTrue();
        for (int i = 0; i < 10; i++) {
            assertThat(limits.allow("ip:x", 1, Duration.ofMinutes(1))).isFalse();
        }
        now = now.plusSeconds(61);
        assertThat(limits.allow("ip:x", 1, Duration.ofMinutes(1))).isTrue();
    }

    @Test
    void keysSilentForLongerThanTheWindowAreForgotten() {
        AbuseLimits limits = new AbuseLimits(clock);
        limits.allow("old", 5, Duration.ofMinutes(1));
        now = now.plus(Duration.ofMinutes(30));
        limits.allow("recent", 5, Duration.ofMinutes(1));
        now = now.plus(Duration.ofMinutes(31));
        limits.forgetOlderThan(Duration.ofHours(1));
        assertThat(limits.keys()).isEqualTo(1);
    }
}
