package io.omnihub.console.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SignInThrottleRuleTest {

    private final SignInThrottle.Rule rule = new SignInThrottle.Rule(3, Duration.ofMinutes(15));

    @Test
    void freeFailuresCostNothingThenTheDelayDoublesUpToTheMaximum() {
        assertThat(IntStream.rangeClosed(1, 3).mapToObj(rule::delayAfter)).containsOnly(Duration.ZERO);
        assertThat(IntStream.rangeClosed(4, 8).mapToObj(rule::delayAfter)).containsExactly(Duration.ofSeconds(1),
                Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8), Duration.ofSeconds(16));
        assertThat(rule.delayAfter(14)).isEqualTo(Duration.ofMinutes(15));
        assertThat(rule.delayAfter(Integer.MAX_VALUE)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void keysCannotBeConfusedBetweenUsersAndAddresses() {
        // user names have no spaces: "ana@x.com" at 10.0.0.1 and "ana" at "x.com 10.0.0.1" cannot meet
        assertThat(SignInThrottle.pairKey("ana@x.com", "10.0.0.1")).isEqualTo("pair:ana@x.com 10.0.0.1");
        assertThat(SignInThrottle.pairKey("ana", "10.0.0.1")).isNotEqualTo(SignInThrottle.knownKey("ana", "10.0.0.1"));
        assertThat(SignInThrottle.pairKey("x".repeat(10_000), "10.0.0.1")).hasSizeLessThan(200);
    }
}
