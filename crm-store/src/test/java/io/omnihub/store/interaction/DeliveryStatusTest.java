package io.omnihub.store.interaction;

import static io.omnihub.store.interaction.DeliveryStatus.DELIVERED;
import static io.omnihub.store.interaction.DeliveryStatus.FAILED;
import static io.omnihub.store.interaction.DeliveryStatus.QUEUED;
import static io.omnihub.store.interaction.DeliveryStatus.SENT;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A delivery status only moves forward: reports that arrive late or twice change nothing. */
class DeliveryStatusTest {

    @Test
    void forwardOnly() {
        assertThat(SENT.follows(QUEUED)).isTrue();
        assertThat(DELIVERED.follows(SENT)).isTrue();
        assertThat(FAILED.follows(SENT)).isTrue();
        // a bounce after a mail server took it
        assertThat(FAILED.follows(QUEUED)).isTrue();
        // a late "sent" after "delivered", the same report twice
        assertThat(SENT.follows(DELIVERED)).isFalse();
        assertThat(DELIVERED.follows(DELIVERED)).isFalse();
        assertThat(QUEUED.follows(SENT)).isFalse();
        // the two final states may replace each other (a carrier reports a delivered SMS failed after all)
        assertThat(FAILED.follows(DELIVERED)).isTrue();
        assertThat(DELIVERED.follows(FAILED)).isTrue();
    }
}
