package io.omnihub.routes.correlation;

import static io.omnihub.routes.correlation.TestInbound.keyed;
import static io.omnihub.routes.correlation.TestInbound.phoneNumber;
import static io.omnihub.routes.correlation.ThreadingTestConfiguration.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import io.omnihub.connectors.bus.InboundInteraction;
import io.omnihub.store.conversation.Conversation;
import io.omnihub.store.conversation.ConversationRepository;
import io.omnihub.store.conversation.ConversationStatus;
import io.omnihub.store.customer.Customer;
import io.omnihub.store.inbox.Inbox;
import io.omnihub.store.testing.StoreFixtures;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Channels that name their own thread (an SMS number pair, a chat session): the same key in the same
 * inbox continues the conversation while it is open, reopens it within the reopen window, follows
 * an agent's merges, and otherwise opens a new one under the key.
 */
@WithThreadingStore
class ChannelKeyThreadingTest {

    @Autowired
    ConversationRepository conversations;
    @Autowired
    StoreFixtures fixtures;
    @Autowired
    Clock clock;

    ChannelKeyThreading threading;
    Inbox texts;
    Customer alice;
    String number;
    String key;

    @BeforeEach
    void aliceTextsOurNumber() {
        threading = new ChannelKeyThreading(conversations, Duration.ofDays(7), clock);
        texts = fixtures.inbox("sms");
        alice = fixtures.customer("Alice Martin");
        number = phoneNumber();
        key = number + "|+15005550006";
    }

    @Test
    void aMessageWithoutAKeyOpensAConversationWithoutOne() {
        ThreadDecision blank = threading.decide(keyed("sms", texts, number, "  ", "hi"), texts, alice);
        ThreadDecision none = threading.decide(keyed("sms", texts, number, null, "hi"), texts, alice);

        assertThat(blank.rule()).isEqualTo("no-thread-hint");
        assertThat(blank.threadKey()).isNull();
        assertThat(none.rule()).isEqualTo("no-thread-hint");
    }

    @Test
    void theFirstMessageOnAKeyOpensAConversationUnderIt() {
        ThreadDecision decision = threading.decide(text("Is my order shipped?"), texts, alice);

        assertThat(decision.opensConversation()).isTrue();
        assertThat(decision.rule()).isEqualTo("channel-key-new");
        assertThat(decision.threadKey()).isEqualTo(key);
    }

    @Test
    void theSameKeyContinuesTheOpenConversation() {
        Conversation thread = conversationOnKey(alice, texts, key, 0);

        ThreadDecision decision = threading.decide(text("Any news?"), texts, alice);

        assertThat(decision.rule()).isEqualTo("channel-key");
        assertThat(decision.existing().getId()).isEqualTo(thread.getId());
    }

    @Test
    void theSameKeyInAnotherInboxIsAnotherThread() {
        conversationOnKey(alice, fixtures.inbox("sms"), key, 0);

        ThreadDecision decision = threading.decide(text("Any news?"), texts, alice);

        assertThat(decision.rule()).isEqualTo("channel-key-new");
    }

    @Test
    void aConversationResolvedWithinTheReopenWindowIsReopened() {
        Conversation thread = conversationOnKey(alice, texts, key, 0);
        resolve(thread, Duration.ofDays(6).plusHours(23));

        ThreadDecision decision = threading.decide(text("It broke again"), texts, alice);

        assertThat(decision.rule()).isEqualTo("channel-key-reopened");
        assertThat(decision.existing().getId()).isEqualTo(thread.getId());
    }

    @Test
    void afterTheReopenWindowTheKeyOpensANewConversation() {
        Conversation thread = conversationOnKey(alice, texts, key, 0);
        resolve(thread, Duration.ofDays(7));

        ThreadDecision decision = threading.decide(text("New question"), texts, alice);

        assertThat(decision.opensConversation()).isTrue();
        assertThat(decision.rule()).isEqualTo("channel-key-after-resolved");
        assertThat(decision.threadKey()).isEqualTo(key);
    }

    @Test
    void theLatestConversationOnTheKeyIsTheThread() {
        Conversation older = conversationOnKey(alice, texts, key, 30);
        resolve(older, Duration.ofDays(20));
        Conversation newer = conversationOnKey(alice, texts, key, 2);

        ThreadDecision decision = threading.decide(text("Thanks"), texts, alice);

        assertThat(decision.existing().getId()).isEqualTo(newer.getId());
    }

    @Test
    void theSendersOwnConversationOnTheKeyWinsOverANewerOneOfAnotherCustomer() {
        Conversation hers = conversationOnKey(alice, texts, key, 5);
        Customer stranger = fixtures.customer("Someone else");
        Conversation theirs = conversationOnKey(stranger, texts, key, 1);

        ThreadDecision forAlice = threading.decide(text("me again"), texts, alice);
        ThreadDecision forStranger = threading.decide(text("me too"), texts, stranger);
        ThreadDecision forNewcomer = threading.decide(text("who?"), texts, fixtures.customer("Newcomer"));

        assertThat(forAlice.existing().getId()).isEqualTo(hers.getId());
        assertThat(forStranger.existing().getId()).isEqualTo(theirs.getId());
        // whose it is, the threader decides (ConversationThreaderTest): the rule names the latest
        assertThat(forNewcomer.existing().getId()).isEqualTo(theirs.getId());
    }

    @Test
    void aConversationMergedIntoAnotherContinuesInTheOneItWasMergedInto() {
        Conversation sms = conversationOnKey(alice, texts, key, 3);
        Conversation target = conversationOnKey(alice, texts, null, 4);
        sms.mergedInto(target.getId(), NOW.minus(Duration.ofHours(1)));
        resolve(sms, Duration.ofHours(1));

        ThreadDecision decision = threading.decide(text("Did you get my photo?"), texts, alice);

        assertThat(decision.rule()).isEqualTo("channel-key");
        assertThat(decision.existing().getId()).isEqualTo(target.getId());
    }

    @Test
    void mergesAreFollowedToTheEndOfTheChain() {
        Conversation first = conversationOnKey(alice, texts, key, 9);
        Conversation second = conversationOnKey(alice, texts, null, 8);
        Conversation last = conversationOnKey(alice, texts, null, 7);
        first.mergedInto(second.getId(), NOW.minus(Duration.ofDays(2)));
        resolve(first, Duration.ofDays(2));
        second.mergedInto(last.getId(), NOW.minus(Duration.ofDays(1)));
        resolve(second, Duration.ofDays(1));
        resolve(last, Duration.ofDays(30));

        ThreadDecision decision = threading.decide(text("Hello again"), texts, alice);

        assertThat(decision.existing()).isNull();
        assertThat(decision.rule()).isEqualTo("channel-key-after-resolved");

        last.changeStatus(ConversationStatus.OPEN, NOW);
        conversations.save(last);
        assertThat(threading.decide(text("Hello again"), texts, alice).existing().getId()).isEqualTo(last.getId());
    }

    private InboundInteraction text(String body) {
        return keyed("sms", texts, number, key, body);
    }

    private Conversation conversationOnKey(Customer customer, Inbox inbox, String threadKey, int daysAgo) {
        return conversations.save(new Conversation(customer.getId(), inbox.getId(), "sms", null, threadKey,
                "channel-key-new", NOW.minus(Duration.ofDays(daysAgo))));
    }

    private void resolve(Conversation conversation, Duration ago) {
        conversation.changeStatus(ConversationStatus.RESOLVED, NOW.minus(ago));
        conversations.save(conversation);
    }
}
