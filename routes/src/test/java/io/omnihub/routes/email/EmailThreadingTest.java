package io.omnihub.routes.email;

import static io.omnihub.routes.correlation.TestInbound.firstMail;
import static io.omnihub.routes.correlation.TestInbound.mail;
import static io.omnihub.routes.correlation.TestInbound.outlookReplyIndex;
import static io.omnihub.routes.correlation.TestInbound.outlookThreadIndex;
import static io.omnihub.routes.correlation.TestInbound.unique;
import static io.omnihub.routes.correlation.ThreadingTestConfiguration.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import io.omnihub.connectors.bus.InboundInteraction;
import io.omnihub.connectors.email.MessageIdSigner;
import io.omnihub.routes.correlation.ThreadDecision;
import io.omnihub.routes.correlation.WithThreadingStore;
import io.omnihub.store.conversation.Conversation;
import io.omnihub.store.conversation.ConversationRepository;
import io.omnihub.store.conversation.ConversationStatus;
import io.omnihub.store.customer.Customer;
import io.omnihub.store.inbox.Inbox;
import io.omnihub.store.inbox.InboxRepository;
import io.omnihub.store.testing.StoreFixtures;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Which conversation a mail continues ({@link EmailThreading}), rule by rule, against real
 * PostgreSQL: our signed Message-IDs, Message-IDs seen before, the subject token, Outlook's
 * Thread-Index, and what a resolved conversation or a changed subject does to each.
 */
@WithThreadingStore
class EmailThreadingTest {

    @Autowired
    EmailThreading threading;
    @Autowired
    MessageIdSigner signer;
    @Autowired
    StoreFixtures fixtures;
    @Autowired
    ConversationRepository conversations;
    @Autowired
    InboxRepository inboxes;

    String u;
    Inbox support;
    Customer alice;
    String aliceAddress;

    @BeforeEach
    void aliceHasWrittenToSupport() {
        u = unique();
        support = fixtures.inbox("email");
        alice = fixtures.customer("Alice Martin");
        aliceAddress = "Alice.Martin-" + u + "@Example.com";
    }

    // --- signed Message-IDs of mail we sent -----------------------------------------------------

    @Test
    void aReplyQuotingOurSignedMessageIdContinuesItsConversation() {
        Conversation refund = opened(firstMail(support, "Alice Martin", aliceAddress,
                "CAF=" + u + "qx7Lw@mail.gmail.com", "Refund for order 7731"), alice);
        String ourReply = signer.sign(refund.getId(), EmailThreadingTestBeans.DOMAIN);

        ThreadDecision decision = threading.decide(mail(support, "Alice Martin", aliceAddress,
                "CAF=" + u + "r2@mail.gmail.com", "Re: Refund for order 7731 [#" + refund.getId() + "]", ourReply,
                List.of("CAF=" + u + "qx7Lw@mail.gmail.com", ourReply), null), support, alice);

        assertThat(decision.rule()).isEqualTo("signed-message-id");
        assertThat(decision.existing().getId()).isEqualTo(refund.getId());
        assertThat(decision.previous()).isNull();
        assertThat(decision.claimed()).isNull();
    }

    @Test
    void aSignedIdAnywhereInTheReferencesChainContinuesItsConversation() {
        Conversation refund = conversationOf(alice, support, "Refund for order 7731");
        String ourReply = signer.sign(refund.getId(), EmailThreadingTestBeans.DOMAIN);

        // In-Reply-To names a mail of the customer's that we never saw (sent from her phone to a colleague)
        ThreadDecision decision = threading.decide(mail(support, "Alice Martin", aliceAddress,
                "20260302101500.4711-" + u + "@iphone.example.com", "AW: Refund for order 7731",
                "unknown-" + u + "@iphone.example.com", List.of(ourReply, "unknown-" + u + "@iphone.example.com"),
                null), support, alice);

        assertThat(decision.rule()).isEqualTo("signed-message-id");
        assertThat(decision.existing().getId()).isEqualTo(refund.getId());
    }

    @Test
    void aForgedSignatureOpensANewConversation() {
        Conversation refund = conversationOf(alice, support, "Refund for order 7731");
        String ourReply = signer.sign(refund.getId(), EmailThreadingTestBeans.DOMAIN);
        // the same shape, the conversation number changed to one the mac was not made for
        String forged = ourReply.replaceFirst("^omh\\.\\d+\\.", "omh." + (refund.getId() + 1) + ".");
        // and a made-up mac for the real number
        String madeUp = ourReply.replaceFirst("\\.[0-9a-f]{32}@", ".0123456789abcdef0123456789abcdef@");

        ThreadDecision decision = threading.decide(mail(support, "Mallory", "mallory-" + u + "@evil.test",
                "m1-" + u + "@evil.test", "Re: Refund for order 7731", forged, List.of(madeUp), null), support,
                fixtures.customer("Mallory"));

        assertThat(decision.opensConversation()).isTrue();
        assertThat(decision.rule()).isEqualTo("new-conversation");
        assertThat(decision.previous()).isNull();
    }

    @Test
    void aSignedIdOfAConversationInAnotherMailboxDoesNotThreadHere() {
        Inbox otherMailbox = fixtures.inbox("email");
        Conversation elsewhere = conversationOf(alice, otherMailbox, "Refund for order 7731");
        String ourReplyFromThere = signer.sign(elsewhere.getId(), EmailThreadingTestBeans.DOMAIN);

        ThreadDecision decision = threading.decide(mail(support, "Alice Martin", aliceAddress,
                "CAF=" + u + "x@mail.gmail.com", "Re: Refund for order 7731", ourReplyFromThere,
                List.of(ourReplyFromThere), null), support, alice);

        assertThat(decision.rule()).isEqualTo("new-conversation");
    }

    @Test
    void theSignedMessageIdWinsOverASubjectTokenNamingAnotherConversation() {
        Conversation refund = conversationOf(alice, support, "Refund for order 7731");
        Conversation older = conversationOf(alice, support, "Broken hinge");
        String ourReply = signer.sign(refund.getId(), EmailThreadingTestBeans.DOMAIN);

        ThreadDecision decision = threading.decide(mail(support, "Alice Martin", aliceAddress,
                "CAF=" + u + "t@mail.gmail.com", "Re: Refund for order 7731 [#" + older.getId() + "]", ourReply,
                List.of(ourReply), null), support, alice);

        assertThat(decision.rule()).isEqualTo("signed-message-id");
        assertThat(decision.existing().getId()).isEqualTo(refund.getId());
    }

    // --- Message-IDs seen before -----------------------------------------------------------------

    @Test
    void aReplyNamingTheCustomersOwnEarlierMessageIdContinuesItsConversation() {
        String first = "CAF=" + u + "first@mail.gmail.com";
        Conversation refund = opened(firstMail(support, "Alice Martin", aliceAddress, first,
                "Refund for order 7731"), alice);

        ThreadDecision decision = threading.decide(mail(support, "Alice Martin", aliceAddress,
                "CAF=" + u + "second@mail.gmail.com", "Re: Refund for order 7731", first, List.of(first), null),
                support, alice);

        assertThat(decision.rule()).isEqualTo("message-id");
        assertThat(decision.existing().getId()).isEqualTo(refund.getId());
    }

    @Test
    void aMessageIdSeenInAnotherMailboxDoesNotThreadHere() {
        String first = "CAF=" + u + "first@mail.gmail.com";
        opened(firstMail(fixtures.inbox("email"), "Alice Martin", aliceAddress, first, "Refund for order 7731"),
                alice);

        ThreadDecision decision = threading.decide(mail(support, "Alice Martin", aliceAddress,
                "CAF=" + u + "second@mail.gmail.com", "Re: Refund for order 7731", first, List.of(first), null),
                support, alice);

        assertThat(decision.rule()).isEqualTo("new-conversation");
    }

    @Test
    void theSendersOwnConversationWinsOverANewerOneOfAnotherCustomerWithTheSameMessageId() {
        // a circular both of them answered: its Message-ID is remembered on bob's conversation and, later, on alice's
        String circular = "newsletter-2026-03-" + u + "@news.example.org";
        Customer bob = fixtures.customer("Bob Keller");
        String bobAddress = "bob.keller-" + u + "@example.net";
        Conversation bobs = opened(mail(support, "Bob Keller", bobAddress, "bob1-" + u + "@example.net",
                "Re: Spring offers", circular, List.of(circular), null), bob);
        threading.remember(firstMail(support, "Bob Keller", bobAddress, circular, "Spring offers"), bobs);
        Conversation alices = conversationOf(alice, support, "Spring offers");
        threading.remember(firstMail(support, "Alice Martin", aliceAddress, circular, "Spring offers"), alices);

        ThreadDecision forBob = threading.decide(mail(support, "Bob Keller", bobAddress, "bob2-" + u + "@example.net",
                "Re: Spring offers", circular, List.of(circular), null), support, bob);
        ThreadDecision forAlice = threading.decide(mail(support, "Alice Martin", aliceAddress,
                "alice2-" + u + "@example.com", "Re: Spring offers", circular, List.of(circular), null), support,
                alice);

        assertThat(bobs.getId()).isLessThan(alices.getId());
        assertThat(forBob.rule()).isEqualTo("message-id");
        assertThat(forBob.existing().getId()).isEqualTo(bobs.getId());
        assertThat(forAlice.existing().getId()).isEqualTo(alices.getId());
    }

    // --- the subject token -----------------------------------------------------------------------

    @Test
    void aSubjectTokenContinuesItsConversation() {
        Conversation delivery = conversationOf(alice, support, "Lieferung verspätet");

        ThreadDecision decision = threading.decide(firstMail(support, "Alice Martin", aliceAddress,
                "AM0PR01MB" + u + "@eurprd01.prod.outlook.com", "AW: Lieferung verspätet [#" + delivery.getId() + "]"),
                support, alice);

        assertThat(decision.rule()).isEqualTo("subject-token");
        assertThat(decision.existing().getId()).isEqualTo(delivery.getId());
    }

    @Test
    void aSubjectTokenOfAConversationInAnotherMailboxIsIgnored() {
        Conversation elsewhere = conversationOf(alice, fixtures.inbox("email"), "Lieferung verspätet");

        ThreadDecision decision = threading.decide(firstMail(support, "Alice Martin", aliceAddress,
                "AM0PR01MB" + u + "@eurprd01.prod.outlook.com", "AW: Lieferung verspätet [#" + elsewhere.getId() + "]"),
                support, alice);

        assertThat(decision.rule()).isEqualTo("new-conversation");
    }

    @Test
    void aNumberInBracketsThatIsNotOurTokenIsNoToken() {
        Conversation delivery = conversationOf(alice, support, "Lieferung verspätet");

        ThreadDecision decision = threading.decide(firstMail(support, "Alice Martin", aliceAddress,
                "AM0PR01MB" + u + "@eurprd01.prod.outlook.com", "Fwd: Ticket [" + delivery.getId() + "] (#"
                        + delivery.getId() + ")"), support, alice);

        assertThat(decision.rule()).isEqualTo("new-conversation");
    }

    // --- Outlook's Thread-Index ------------------------------------------------------------------

    @Test
    void anOutlookReplyCarryingOnlyAThreadIndexContinuesItsConversation() {
        String root = outlookThreadIndex(NOW.minus(Duration.ofHours(3)));
        Conversation printer = opened(mail(support, "Alice Martin", aliceAddress,
                "AM0PR01MB" + u + "a@eurprd01.prod.outlook.com", "Printer offline", null, List.of(), root), alice);

        // Outlook on the web answering after the subject was edited: no In-Reply-To, no References, no token
        ThreadDecision decision = threading.decide(mail(support, "Alice Martin", aliceAddress,
                "AM0PR01MB" + u + "b@eurprd01.prod.outlook.com", "AW: Printer offline again", null, List.of(),
                outlookReplyIndex(root)), support, alice);

        assertThat(decision.rule()).isEqualTo("thread-index");
        assertThat(decision.existing().getId()).isEqualTo(printer.getId());
    }

    @Test
    void aThreadIndexThatIsNotBase64OrTooShortIsIgnored() {
        String root = outlookThreadIndex(NOW.minus(Duration.ofHours(3)));
        opened(mail(support, "Alice Martin", aliceAddress, "AM0PR01MB" + u + "a@eurprd01.prod.outlook.com",
                "Printer offline", null, List.of(), root), alice);

        ThreadDecision garbled = threading.decide(mail(support, "Alice Martin", aliceAddress,
                "AM0PR01MB" + u + "b@eurprd01.prod.outlook.com", "Printer", null, List.of(), "not*base64!"),
                support, alice);
        ThreadDecision truncated = threading.decide(mail(support, "Alice Martin", aliceAddress,
                "AM0PR01MB" + u + "c@eurprd01.prod.outlook.com", "Printer", null, List.of(), root.substring(0, 20)),
                support, alice);

        assertThat(garbled.rule()).isEqualTo("new-conversation");
        assertThat(truncated.rule()).isEqualTo("new-conversation");
    }

    @Test
    void aMailWithoutAnyThreadHintOpensANewConversation() {
        conversationOf(alice, support, "Printer offline");

        ThreadDecision decision = threading.decide(firstMail(support, "Alice Martin", aliceAddress,
                "CAF=" + u + "@mail.gmail.com", "Printer offline"), support, alice);

        assertThat(decision.opensConversation()).isTrue();
        assertThat(decision.rule()).isEqualTo("new-conversation");
        assertThat(decision.threadKey()).isNull();
        assertThat(decision.previous()).isNull();
    }

    // --- resolved conversations and the reopen window --------------------------------------------

    @Test
    void aReplyWithinTheReopenWindowReopensTheResolvedConversation() {
        String first = "CAF=" + u + "first@mail.gmail.com";
        Conversation refund = opened(firstMail(support, "Alice Martin", aliceAddress, first,
                "Refund for order 7731"), alice);
        resolve(refund, Duration.ofDays(3));

        ThreadDecision decision = threading.decide(mail(support, "Alice Martin", aliceAddress,
                "CAF=" + u + "again@mail.gmail.com", "Re: Refund for order 7731", first, List.of(first), null),
                support, alice);

        assertThat(decision.rule()).isEqualTo("message-id-reopened");
        assertThat(decision.existing().getId()).isEqualTo(refund.getId());
    }

    @Test
    void aReplyAfterTheReopenWindowOpensANewLinkedConversation() {
        Conversation refund = conversationOf(alice, support, "Refund for order 7731");
        String ourReply = signer.sign(refund.getId(), EmailThreadingTestBeans.DOMAIN);
        resolve(refund, Duration.ofDays(8));

        ThreadDecision decision = threading.decide(mail(support, "Alice Martin", aliceAddress,
                "CAF=" + u + "late@mail.gmail.com", "Re: Refund for order 7731", ourReply, List.of(ourReply), null),
                support, alice);

        assertThat(decision.opensConversation()).isTrue();
        assertThat(decision.rule()).isEqualTo("signed-message-id-after-resolved");
        assertThat(decision.previous()).isEqualTo(refund.getId());
        assertThat(decision.claimed()).isNull();
    }

    @Test
    void theReopenWindowEndsExactlySevenDaysAfterResolving() {
        Conversation refund = conversationOf(alice, support, "Refund for order 7731");
        resolve(refund, EmailThreadingTestBeans.REOPEN_WINDOW);

        ThreadDecision decision = threading.decide(firstMail(support, "Alice Martin", aliceAddress,
                "CAF=" + u + "@mail.gmail.com", "Re: Refund for order 7731 [#" + refund.getId() + "]"), support,
                alice);

        assertThat(decision.rule()).isEqualTo("subject-token-after-resolved");
        assertThat(decision.previous()).isEqualTo(refund.getId());
    }

    @Test
    void aSubjectTokenOfAConversationResolvedYesterdayReopensIt() {
        Conversation refund = conversationOf(alice, support, "Refund for order 7731");
        resolve(refund, Duration.ofDays(1));

        ThreadDecision decision = threading.decide(firstMail(support, "Alice Martin", aliceAddress,
                "CAF=" + u + "@mail.gmail.com", "RE: [#" + refund.getId() + "] Refund for order 7731"), support,
                alice);

        assertThat(decision.rule()).isEqualTo("subject-token-reopened");
        assertThat(decision.existing().getId()).isEqualTo(refund.getId());
    }

    @Test
    void anOutlookReplyAfterTheReopenWindowOpensANewLinkedConversation() {
        String root = outlookThreadIndex(NOW.minus(Duration.ofDays(30)));
        Conversation printer = opened(mail(support, "Alice Martin", aliceAddress,
                "AM0PR01MB" + u + "a@eurprd01.prod.outlook.com", "Printer offline", null, List.of(), root), alice);
        resolve(printer, Duration.ofDays(20));

        ThreadDecision decision = threading.decide(mail(support, "Alice Martin", aliceAddress,
                "AM0PR01MB" + u + "b@eurprd01.prod.outlook.com", "AW: Printer offline", null, List.of(),
                outlookReplyIndex(root)), support, alice);

        assertThat(decision.rule()).isEqualTo("thread-index-after-resolved");
        assertThat(decision.previous()).isEqualTo(printer.getId());
    }

    @Test
    void aPendingConversationIsContinuedNotReopened() {
        Conversation refund = conversationOf(alice, support, "Refund for order 7731");
        refund.changeStatus(ConversationStatus.PENDING, NOW.minus(Duration.ofDays(30)));
        conversations.save(refund);
        String ourReply = signer.sign(refund.getId(), EmailThreadingTestBeans.DOMAIN);

        ThreadDecision decision = threading.decide(mail(support, "Alice Martin", aliceAddress,
                "CAF=" + u + "@mail.gmail.com", "Re: Refund for order 7731", ourReply, List.of(ourReply), null),
                support, alice);

        assertThat(decision.rule()).isEqualTo("signed-message-id");
        assertThat(decision.existing().getId()).isEqualTo(refund.getId());
    }

    // --- a changed subject, in a mailbox that splits on it ---------------------------------------

    @Test
    void inAMailboxThatSplitsOnSubjectChangeAReplyAboutSomethingElseOpensANewLinkedConversation() {
        Inbox sales = configuredMailbox(EmailThreadingTestBeans.SALES);
        String first = "CAF=" + u + "first@mail.gmail.com";
        Conversation quote = opened(firstMail(sales, "Alice Martin", aliceAddress, first, "Quote for 40 chairs"),
                alice);

        ThreadDecision decision = threading.decide(mail(sales, "Alice Martin", aliceAddress,
                "CAF=" + u + "next@mail.gmail.com", "Re: Invoice address changed", first, List.of(first), null),
                sales, alice);

        assertThat(decision.opensConversation()).isTrue();
        assertThat(decision.rule()).isEqualTo("subject-changed");
        assertThat(decision.previous()).isEqualTo(quote.getId());
    }

    @Test
    void inAMailboxThatSplitsOnSubjectChangeReAndAwPrefixesKeepTheTopic() {
        Inbox sales = configuredMailbox(EmailThreadingTestBeans.SALES);
        String first = "CAF=" + u + "first@mail.gmail.com";
        Conversation quote = opened(firstMail(sales, "Alice Martin", aliceAddress, first, "Quote for 40 chairs"),
                alice);

        ThreadDecision decision = threading.decide(mail(sales, "Alice Martin", aliceAddress,
                "CAF=" + u + "next@mail.gmail.com", "RE: AW: Fwd: QUOTE for 40 chairs", first, List.of(first), null),
                sales, alice);

        assertThat(decision.rule()).isEqualTo("message-id");
        assertThat(decision.existing().getId()).isEqualTo(quote.getId());
    }

    @Test
    void inAMailboxThatSplitsOnSubjectChangeTheSubjectTokenStillContinuesTheConversation() {
        Inbox sales = configuredMailbox(EmailThreadingTestBeans.SALES);
        Conversation quote = conversationOf(alice, sales, "Quote for 40 chairs");

        ThreadDecision decision = threading.decide(firstMail(sales, "Alice Martin", aliceAddress,
                "CAF=" + u + "@mail.gmail.com", "Invoice address changed [#" + quote.getId() + "]"), sales, alice);

        assertThat(decision.rule()).isEqualTo("subject-token");
        assertThat(decision.existing().getId()).isEqualTo(quote.getId());
    }

    @Test
    void inADefaultMailboxAReplyAboutSomethingElseStaysInTheThread() {
        Inbox configuredSupport = configuredMailbox(EmailThreadingTestBeans.SUPPORT);
        String first = "CAF=" + u + "first@mail.gmail.com";
        Conversation quote = opened(firstMail(configuredSupport, "Alice Martin", aliceAddress, first,
                "Quote for 40 chairs"), alice);

        ThreadDecision decision = threading.decide(mail(configuredSupport, "Alice Martin", aliceAddress,
                "CAF=" + u + "next@mail.gmail.com", "Re: Invoice address changed", first, List.of(first), null),
                configuredSupport, alice);

        assertThat(decision.rule()).isEqualTo("message-id");
        assertThat(decision.existing().getId()).isEqualTo(quote.getId());
    }

    // --- merged conversations (found writing these tests: a signed id or token reopened the merged shell) ---

    @Test
    void aReplySignedForAConversationMergedIntoAnotherContinuesTheOneItWasMergedInto() {
        Conversation kept = opened(firstMail(support, "Alice Martin", aliceAddress, "CAF=" + u + "a@mail.gmail.com",
                "Refund for order 7731"), alice);
        Conversation merged = opened(firstMail(support, "Alice Martin", aliceAddress,
                "CAF=" + u + "b@mail.gmail.com", "Refund, second try"), alice);
        String ourReply = signer.sign(merged.getId(), EmailThreadingTestBeans.DOMAIN);
        merged.mergedInto(kept.getId(), NOW.minus(Duration.ofHours(2)));
        resolve(merged, Duration.ofHours(2));

        ThreadDecision decision = threading.decide(mail(support, "Alice Martin", aliceAddress,
                "CAF=" + u + "c@mail.gmail.com", "Re: Refund, second try", ourReply, List.of(ourReply), null),
                support, alice);

        assertThat(decision.rule()).isEqualTo("signed-message-id");
        assertThat(decision.existing().getId()).isEqualTo(kept.getId());
    }

    @Test
    void aSubjectTokenOfAConversationMergedLongAgoContinuesTheOneItWasMergedInto() {
        Conversation kept = opened(firstMail(support, "Alice Martin", aliceAddress, "CAF=" + u + "a@mail.gmail.com",
                "Refund for order 7731"), alice);
        Conversation merged = opened(firstMail(support, "Alice Martin", aliceAddress,
                "CAF=" + u + "b@mail.gmail.com", "Refund, second try"), alice);
        merged.mergedInto(kept.getId(), NOW.minus(Duration.ofDays(9)));
        resolve(merged, Duration.ofDays(9));

        ThreadDecision decision = threading.decide(firstMail(support, "Alice Martin", aliceAddress,
                "CAF=" + u + "c@mail.gmail.com", "Re: Refund, second try [#" + merged.getId() + "]"), support, alice);

        assertThat(decision.rule()).isEqualTo("subject-token");
        assertThat(decision.existing().getId()).isEqualTo(kept.getId());
    }

    // --- helpers ---------------------------------------------------------------------------------

    /** What the recorder does with a mail that opens a conversation: opens it and remembers its ids. */
    private Conversation opened(InboundInteraction mail, Customer customer) {
        Inbox inbox = inboxes.findByKey(mail.inbox()).orElseThrow();
        ThreadDecision decision = threading.decide(mail, inbox, customer);
        assertThat(decision.opensConversation()).as("the first mail opens a conversation").isTrue();
        Conversation conversation = conversations.save(new Conversation(customer.getId(), inbox.getId(), "email",
                mail.subject(), decision.threadKey(), decision.rule(), mail.occurredAt()));
        threading.remember(mail, conversation);
        return conversation;
    }

    private Conversation conversationOf(Customer customer, Inbox inbox, String subject) {
        return conversations.save(new Conversation(customer.getId(), inbox.getId(), "email", subject, null,
                "new-conversation", NOW.minus(Duration.ofDays(40))));
    }

    private void resolve(Conversation conversation, Duration ago) {
        conversation.changeStatus(ConversationStatus.RESOLVED, NOW.minus(ago));
        conversations.save(conversation);
    }

    private Inbox configuredMailbox(String key) {
        return inboxes.findByKey(key).orElseGet(() -> inboxes.save(new Inbox(key, "email", key, NOW)));
    }
}
