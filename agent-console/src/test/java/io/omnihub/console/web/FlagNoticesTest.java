package io.omnihub.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.omnihub.console.api.InteractionView;

class FlagNoticesTest {

    private final FlagNotices notices = new FlagNotices();

    private static InteractionView withFlags(List<String> flags, Map<String, Object> metadata) {
        return new InteractionView(1L, 2L, 3L, "support", "email", "INBOUND", "MESSAGE", "x", Instant.EPOCH,
                "a@example.com", null, "text", null, null, null, 0, null, flags, metadata, List.of());
    }

    @Test
    void everyFlagAChannelSetsIsSaidInWordsAndAClaimNamesItsConversation() {
        InteractionView flagged = withFlags(List.of("NUL_REMOVED", "CLAIMED_OTHER_THREAD", "AUTO_SUBMITTED"),
                Map.of("claimedConversation", 42));
        assertThat(notices.of(flagged)).containsExactly(
                "held NUL characters, which were removed; nothing else changed",
                "sent by a machine (auto-reply or list mail): not auto-answered");
        assertThat(notices.claimed(flagged)).isEqualTo(42);
    }

    @Test
    void aMessageWithoutFlagsOrWithoutAClaimSaysNothing() {
        assertThat(notices.of(withFlags(List.of(), Map.of()))).isEmpty();
        assertThat(notices.of(withFlags(null, null))).isEmpty();
        assertThat(notices.claimed(withFlags(List.of("SPAM"), Map.of("claimedConversation", 42)))).isNull();
        assertThat(notices.claimed(withFlags(List.of("CLAIMED_OTHER_THREAD"), null))).isNull();
    }
}
