package io.omnihub.routes.voice;

import static io.omnihub.routes.correlation.TestInbound.keyed;
import static io.omnihub.routes.correlation.TestInbound.phoneNumber;
import static io.omnihub.routes.correlation.TestInbound.unique;
import static io.omnihub.routes.correlation.ThreadingTestConfiguration.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import io.omnihub.connectors.bus.InboundInteraction;
import io.omnihub.routes.correlation.ThreadDecision;
import io.omnihub.routes.correlation.WithThreadingStore;
import io.omnihub.store.conversation.Conversation;
import io.omnihub.store.conversation.ConversationRepository;
import io.omnihub.store.conversation.ConversationStatus;
import io.omnihub.store.customer.Customer;
import io.omnihub.store.inbox.Inbox;
import io.omnihub.store.testing.StoreFixtures;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A call continues the caller's open conversation in the inbox, whatever channel it started on;
 * without one it threads by the number pair like a text.
 */
@WithThreadingStore
class VoiceThreadingTest {

    @Autowired
    VoiceThreading threading;
    @Autowired
    ConversationRepository conversations;
    @Autowired
    StoreFixtures fixtures;

    Inbox line;
    Customer caller;
    String number;
    String pair;

    @BeforeEach
    void aCallerOnOurLine() {
        line = fixtures.inbox("sms");
        caller = fixtures.customer("Carla Mendes");
        number = phoneNumber();
        pair = number + "|+15005550006";
    }

    @Test
    void aCallContinuesTheCallersOpenSmsConversation() {
        Conversation texted = conversation("sms", pair, 2);

        ThreadDecision decision = threading.decide(call(), line, caller);

        assertThat(decision.rule()).isEqualTo("caller-open-conversation");
        assertThat(decision.existing().getId()).isEqualTo(texted.getId());
    }

    @Test
    void aCallContinuesTheCallersMostRecentlyActiveOpenConversation() {
        Conversation older = conversation("email", null, 9);
        Conversation recent = conversation("sms", pair, 1);
        Conversation pending = conversation("email", null, 20);
        pending.changeStatus(ConversationStatus.PENDING, NOW.minus(Duration.ofDays(3)));
        conversations.save(pending);

        ThreadDecision decision = threading.decide(call(), line, caller);

        assertThat(older.getLastActivityAt()).isBefore(recent.getLastActivityAt());
        assertThat(decision.existing().getId()).isEqualTo(recent.getId());
    }

    @Test
    void aPendingConversationCountsAsOpen() {
        Conversation waitingForCustomer = conversation("email", null, 4);
        waitingForCustomer.changeStatus(ConversationStatus.PENDING, NOW.minus(Duration.ofDays(1)));
        conversations.save(waitingForCustomer);

        ThreadDecision decision = threading.decide(call(), line, caller);

        assertThat(decision.rule()).isEqualTo("caller-open-conversation");
        assertThat(decision.existing().getId()).isEqualTo(waitingForCustomer.getId());
    }

    @Test
    void anOpenConversationInAnotherInboxIsNotContinued() {
        conversations.save(new Conversation(caller.getId(), fixtures.inbox("sms").getId(), "sms", null, pair,
                "channel-key-new", NOW.minus(Duration.ofDays(1))));

        ThreadDecision decision = threading.decide(call(), line, caller);

        assertThat(decision.opensConversation()).isTrue();
        assertThat(decision.rule()).isEqualTo("channel-key-new");
        assertThat(decision.threadKey()).isEqualTo(pair);
    }

    @Test
    void withoutAnOpenConversationTheNumberPairReopensARecentlyResolvedThread() {
        Conversation resolved = conversation("sms", pair, 10);
        resolved.changeStatus(ConversationStatus.RESOLVED, NOW.minus(Duration.ofDays(2)));
        conversations.save(resolved);

        ThreadDecision decision = threading.decide(call(), line, caller);

        assertThat(decision.rule()).isEqualTo("channel-key-reopened");
        assertThat(decision.existing().getId()).isEqualTo(resolved.getId());
    }

    @Test
    void anotherCustomersOpenConversationIsNeverTheCallersOpenConversation() {
        Customer other = fixtures.customer("Other caller");
        conversations.save(new Conversation(other.getId(), line.getId(), "sms", null, phoneNumber() + "|+15005550006",
                "channel-key-new", NOW.minus(Duration.ofHours(1))));

        ThreadDecision decision = threading.decide(call(), line, caller);

        assertThat(decision.rule()).isEqualTo("channel-key-new");
    }

    private InboundInteraction call() {
        return keyed("voice", line, number, pair, null);
    }

    private Conversation conversation(String channel, String threadKey, int daysAgo) {
        return conversations.save(new Conversation(caller.getId(), line.getId(), channel, "Call " + unique(),
                threadKey, "new-conversation", NOW.minus(Duration.ofDays(daysAgo))));
    }
}
