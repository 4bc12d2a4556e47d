package io.omnihub.store.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class KeysetTest {

    @Test
    void encodedCursorDecodesToTheSamePositionToTheMicrosecond() {
        Keyset position = new Keyset(Instant.parse("2026-11-24T10:15:30.123456Z"), 42);
        assertThat(Keyset.decode(position.encode())).isEqualTo(position);
    }

    @Test
    void tamperedCursorIsRefused() {
        assertThatThrownBy(() -> Keyset.decode("not-a-cursor")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Keyset.decode("%%%")).isInstanceOf(IllegalArgumentException.class);
    }
}
