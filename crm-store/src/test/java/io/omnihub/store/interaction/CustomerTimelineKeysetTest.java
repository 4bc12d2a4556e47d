package io.omnihub.store.interaction;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnihub.store.StoreTestApplication;
import io.omnihub.store.conversation.Conversation;
import io.omnihub.store.customer.Customer;
import io.omnihub.store.inbox.Inbox;
import io.omnihub.store.testing.StoreFixtures;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * A customer's timeline spans conversations in several inboxes, newest first; paging through it
 * with the (occurredAt, id) keyset visits every interaction exactly once, even when several share
 * the same timestamp, and never shows another customer's rows.
 */
@SpringBootTest(classes = StoreTestApplication.class)
@Import(StoreFixtures.class)
class CustomerTimelineKeysetTest {

    @Autowired
    StoreFixtures fixtures;
    @Autowired
    InteractionRepository interactions;

    @Test
    void pagingVisitsEveryInteractionOnceNewestFirst() {
        Customer ana = fixtures.customer("Ana");
        Customer other = fixtures.customer("Other");
        Inbox form = fixtures.inbox("webform");
        Inbox mail = fixtures.inbox("email");
        Instant t0 = Instant.parse("2026-11-01T09:00:00Z");
        Conversation c1 = fixtures.conversation(ana, form, t0);
        Conversation c2 = fixtures.conversation(ana, mail, t0);
        Conversation foreign = fixtures.conversation(other, mail, t0);

        List<Long> expected = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            Instant at = t0.plusSeconds(i / 2); // pairs share a timestamp
            expected.add(fixtures.interaction(i % 2 == 0 ? c1 : c2, at).getId());
            fixtures.interaction(foreign, at);
        }
        List<Long> newestFirst = new ArrayList<>(expected);
        java.util.Collections.reverse(newestFirst);

        List<Long> seen = new ArrayList<>();
        List<Interaction> page = interactions.timeline(ana.getId(), 3);
        while (!page.isEmpty()) {
            page.forEach(i -> seen.add(i.getId()));
            Interaction last = page.get(page.size() - 1);
            page = interactions.timelineBefore(ana.getId(), last.getOccurredAt(), last.getId(), 3);
        }

        assertThat(seen).containsExactlyElementsOf(newestFirst);
    }
}
