package io.omnihub.store.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnihub.store.StoreTestApplication;
import io.omnihub.store.events.ConversationOpened;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Events are written only inside a business transaction, stored as JSON objects, found by the
 * relay oldest first, and no longer found once marked published.
 */
@SpringBootTest(classes = StoreTestApplication.class)
class OutboxWriteAndRelayQueriesTest {

    @Autowired
    OutboxWriter writer;
    @Autowired
    OutboxRepository outbox;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper json;

    @Test
    void writingOutsideATransactionIsRefused() {
        assertThatThrownBy(() -> writer.append(new ConversationOpened(1L, 2L, "contact", "webform")))
                .isInstanceOf(IllegalTransactionStateException.class);
    }

    @Test
    void relayFindsUnpublishedOldestFirstAndNumbersThemInPublishingOrder() throws Exception {
        jdbc.update("update outbox set published_at = now(), publish_seq = nextval('outbox_publish_seq') where published_at is null");
        tx.executeWithoutResult(s -> {
            writer.append(new ConversationOpened(10L, 20L, "contact", "webform"));
            writer.append(new ConversationOpened(11L, 20L, "contact", "webform"));
        });

        List<OutboxEntry> pending = tx.execute(s -> outbox.lockUnpublished(10));
        assertThat(pending).isNotNull();
        assertThat(pending).extracting(OutboxEntry::getEventType).containsOnly("ConversationOpened");
        assertThat(pending).extracting(OutboxEntry::getId).isSorted();
        JsonNode first = json.readTree(pending.get(0).getPayload());
        assertThat(first.get("conversationId").asLong()).isEqualTo(10L);
        String storedType = jdbc.queryForObject("select jsonb_typeof(payload) from outbox where id = ?", String.class,
                pending.get(0).getId());
        assertThat(storedType).isEqualTo("object");

        List<Long> reversed = pending.stream().map(OutboxEntry::getId).sorted(java.util.Comparator.reverseOrder()).toList();
        java.util.Map<Long, Long> sequences = tx.execute(s -> outbox.markPublished(reversed, Instant.now()));
        assertThat(sequences).isNotNull().containsOnlyKeys(reversed);
        assertThat(sequences.get(reversed.get(1))).isEqualTo(sequences.get(reversed.get(0)) + 1);

        List<OutboxEntry> after = tx.execute(s -> outbox.lockUnpublished(10));
        assertThat(after).isEmpty();
        long before = sequences.get(reversed.get(0)) - 1;
        assertThat(outbox.publishedAfter(before, 10)).extracting(OutboxEntry::getId).containsExactlyElementsOf(reversed);
    }
}
