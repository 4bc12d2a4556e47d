package io.omnihub.routes.correlation;

import static io.omnihub.routes.correlation.TestInbound.firstMail;
import static io.omnihub.routes.correlation.TestInbound.keyed;
import static io.omnihub.routes.correlation.TestInbound.mail;
import static io.omnihub.routes.correlation.TestInbound.outlookReplyIndex;
import static io.omnihub.routes.correlation.TestInbound.outlookThreadIndex;
import static io.omnihub.routes.correlation.TestInbound.phoneNumber;
import static io.omnihub.routes.correlation.TestInbound.unique;
import static io.omnihub.routes.correlation.ThreadingTestConfiguration.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import io.omnihub.connectors.bus.Address;
import io.omnihub.connectors.bus.InboundInteraction;
import io.omnihub.connectors.bus.Sender;
import io.omnihub.connectors.bus.ThreadHints;
import io.omnihub.connectors.email.MessageIdSigner;
import io.omnihub.store.conversation.Conversation;
import io.omnihub.store.conversation.ConversationRepository;
import io.omnihub.store.conversation.ConversationStatus;
import io.omnihub.store.customer.Customer;
import io.omnihub.store.inbox.Inbox;
import io.omnihub.store.inbox.InboxRepository;
import io.omnihub.store.interaction.Direction;
import io.omnihub.store.interaction.Interaction;
import io.omnihub.store.interaction.InteractionDraft;
import io.omnihub.store.interaction.InteractionKind;
import io.omnihub.store.interaction.InteractionRepository;
import io.omnihub.store.testing.StoreFixtures;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The threader hands each interaction to its channel's rule (email, voice, web form; any other
 * channel continues by its thread key) and never lets a thread take in another customer's message:
 * a sender who is neither the conversation's customer nor one of its participants gets a
 * conversation of their own, naming the one claimed. Who wrote is found by {@link CustomerIdentity},
 * as the recorder does.
 */
@WithThreadingStore
class ConversationThreaderTest {

    @Autowired
    ConversationThreader threader;
    @Autowired
    CustomerIdentity identity;
    @Autowired
    MessageIdSigner signer;
    @Autowired
    StoreFixtures fixtures;
    @Autowired
    ConversationRepository conversations;
    @Autowired
    InteractionRepository interactions;
    @Autowired
    InboxRepository inboxes;

    String u;
    Inbox support;
    String alice;
    String mallory;

    @BeforeEach
    void addresses() {
        u = unique();
        support = fixtures.inbox("email");
        alice = "Alice.Martin-" + u + "@Example.com";
        mallory = "mallory-" + u + "@evil.test";
    }

    // --- the customer and her participants continue ----------------------------------------------

    @Test
    void theCustomerHerselfContinuesHerConversation() {
        String first = "CAF=" + u + "first@mail.gmail.com";
        Conversation refund = record(firstMail(support, "Alice Martin", alice, first, "Refund for order 7731"));

        InboundInteraction reply = mail(support, "Alice Martin", " " + alice.toUpperCase() + " ",
                "CAF=" + u + "r@mail.gmail.com", "Re: Refund for order 7731", first, List.of(first), null);
        ThreadDecision decision = threader.decide(reply, support, sender(reply));

        assertThat(decision.rule()).isEqualTo("message-id");
        assertThat(decision.existing().getId()).isEqualTo(refund.getId());
        assertThat(decision.claimed()).isNull();
    }

    @Test
    void aColleagueAliceHadInCcContinuesHerConversation() {
        String colleague = "bob.keller-" + u + "@example.com";
        String first = "CAF=" + u + "first@mail.gmail.com";
        Conversation refund = record(firstMail(support, "Alice Martin", alice, first, "Refund for order 7731"),
                List.of("support@omnihub.example", colleague));

        // his client writes his address as he typed it in the address book
        InboundInteraction fromBob = mail(support, "Bob Keller", "  Bob.Keller-" + u + "@EXAMPLE.com ",
                "CAF=" + u + "bob@mail.gmail.com", "Re: Refund for order 7731", first, List.of(first), null);
        ThreadDecision decision = threader.decide(fromBob, support, sender(fromBob));

        assertThat(decision.rule()).isEqualTo("message-id");
        assertThat(decision.existing().getId()).isEqualTo(refund.getId());
        assertThat(decision.claimed()).isNull();
    }

    @Test
    void theAddressAnAgentsReplyWentToIsAParticipant() {
        Conversation refund = record(firstMail(support, "Alice Martin", alice, "CAF=" + u + "@mail.gmail.com",
                "Refund for order 7731"));
        String accounts = "accounts-payable-" + u + "@example.com";
        String ourReply = signer.sign(refund.getId(), "omnihub.example");
        agentReplied(refund, ourReply, accounts);

        InboundInteraction fromAccounts = mail(support, "Accounts Payable", accounts, "ap-" + u + "@example.com",
                "RE: Refund for order 7731", ourReply, List.of(ourReply), null);
        ThreadDecision decision = threader.decide(fromAccounts, support, sender(fromAccounts));

        assertThat(decision.rule()).isEqualTo("signed-message-id");
        assertThat(decision.existing().getId()).isEqualTo(refund.getId());
    }

    // --- anyone else claiming the thread gets one of their own -----------------------------------

    @Test
    void aStrangerQuotingAlicesMessageIdGetsAConversationOfHisOwn() {
        String first = "CAF=" + u + "first@mail.gmail.com";
        Conversation refund = record(firstMail(support, "Alice Martin", alice, first, "Refund for order 7731"));

        InboundInteraction hijack = mail(support, "Mallory", mallory, "m1-" + u + "@evil.test", "Re: Refund",
                null, List.of(first), null);
        ThreadDecision decision = threader.decide(hijack, support, sender(hijack));

        assertThat(decision.opensConversation()).isTrue();
        assertThat(decision.rule()).isEqualTo("message-id-other-sender");
        assertThat(decision.claimed()).isEqualTo(refund.getId());
        assertThat(decision.previous()).isNull();
        assertThat(decision.threadKey()).isNull();
    }

    @Test
    void aStrangerQuotingOurSignedReplyToAliceGetsAConversationOfHisOwn() {
        Conversation refund = record(firstMail(support, "Alice Martin", alice, "CAF=" + u + "@mail.gmail.com",
                "Refund for order 7731"));
        String ourReply = signer.sign(refund.getId(), "omnihub.example");
        agentReplied(refund, ourReply, alice.toLowerCase());

        // alice forwarded our answer; mallory replies to it
        InboundInteraction hijack = mail(support, "Mallory", mallory, "m1-" + u + "@evil.test",
                "Re: Fwd: Refund for order 7731", ourReply, List.of(ourReply), null);
        ThreadDecision decision = threader.decide(hijack, support, sender(hijack));

        assertThat(decision.rule()).isEqualTo("signed-message-id-other-sender");
        assertThat(decision.claimed()).isEqualTo(refund.getId());
        assertThat(decision.existing()).isNull();
    }

    @Test
    void aStrangerUsingAlicesSubjectTokenGetsAConversationOfHisOwn() {
        Conversation refund = record(firstMail(support, "Alice Martin", alice, "CAF=" + u + "@mail.gmail.com",
                "Refund for order 7731"));

        InboundInteraction hijack = firstMail(support, "Mallory", mallory, "m1-" + u + "@evil.test",
                "Re: Refund [#" + refund.getId() + "]");
        ThreadDecision decision = threader.decide(hijack, support, sender(hijack));

        assertThat(decision.rule()).isEqualTo("subject-token-other-sender");
        assertThat(decision.claimed()).isEqualTo(refund.getId());
    }

    @Test
    void aStrangerWithAlicesOutlookThreadIndexGetsAConversationOfHisOwn() {
        String root = outlookThreadIndex(NOW.minus(Duration.ofHours(2)));
        Conversation printer = record(mail(support, "Alice Martin", alice,
                "AM0PR01MB" + u + "@eurprd01.prod.outlook.com", "Printer offline", null, List.of(), root));

        InboundInteraction hijack = mail(support, "Mallory", mallory, "m1-" + u + "@evil.test", "Printer",
                null, List.of(), outlookReplyIndex(root));
        ThreadDecision decision = threader.decide(hijack, support, sender(hijack));

        assertThat(decision.rule()).isEqualTo("thread-index-other-sender");
        assertThat(decision.claimed()).isEqualTo(printer.getId());
    }

    @Test
    void aStrangerClaimingAConversationResolvedYesterdayDoesNotReopenIt() {
        String first = "CAF=" + u + "first@mail.gmail.com";
        Conversation refund = record(firstMail(support, "Alice Martin", alice, first, "Refund for order 7731"));
        refund.changeStatus(ConversationStatus.RESOLVED, NOW.minus(Duration.ofDays(1)));
        conversations.save(refund);

        InboundInteraction hijack = mail(support, "Mallory", mallory, "m1-" + u + "@evil.test",
                "Re: Refund for order 7731", first, List.of(first), null);
        ThreadDecision decision = threader.decide(hijack, support, sender(hijack));

        assertThat(decision.rule()).isEqualTo("message-id-reopened-other-sender");
        assertThat(decision.claimed()).isEqualTo(refund.getId());
        assertThat(conversations.findById(refund.getId()).orElseThrow().getStatus())
                .isEqualTo(ConversationStatus.RESOLVED);
    }

    /** Found writing these tests: the new conversation was linked to alice's as its predecessor, unflagged. */
    @Test
    void aStrangerQuotingAliceAfterTheReopenWindowGetsAConversationOfHisOwnNotLinkedToHers() {
        String first = "CAF=" + u + "first@mail.gmail.com";
        Conversation refund = record(firstMail(support, "Alice Martin", alice, first, "Refund for order 7731"));
        refund.changeStatus(ConversationStatus.RESOLVED, NOW.minus(Duration.ofDays(10)));
        conversations.save(refund);

        InboundInteraction hijack = mail(support, "Mallory", mallory, "m1-" + u + "@evil.test",
                "Re: Refund for order 7731", first, List.of(first), null);
        ThreadDecision decision = threader.decide(hijack, support, sender(hijack));

        assertThat(decision.opensConversation()).isTrue();
        assertThat(decision.rule()).isEqualTo("message-id-after-resolved-other-sender");
        assertThat(decision.claimed()).isEqualTo(refund.getId());
        assertThat(decision.previous()).isNull();
    }

    @Test
    void aliceHerselfAfterTheReopenWindowGetsANewConversationLinkedToHers() {
        String first = "CAF=" + u + "first@mail.gmail.com";
        Conversation refund = record(firstMail(support, "Alice Martin", alice, first, "Refund for order 7731"));
        refund.changeStatus(ConversationStatus.RESOLVED, NOW.minus(Duration.ofDays(10)));
        conversations.save(refund);

        InboundInteraction again = mail(support, "Alice Martin", alice, "CAF=" + u + "again@mail.gmail.com",
                "Re: Refund for order 7731", first, List.of(first), null);
        ThreadDecision decision = threader.decide(again, support, sender(again));

        assertThat(decision.rule()).isEqualTo("message-id-after-resolved");
        assertThat(decision.previous()).isEqualTo(refund.getId());
        assertThat(decision.claimed()).isNull();
    }

    @Test
    void aStrangerWhoIsOnlyInTheToOfAnotherConversationIsNoParticipantHere() {
        String first = "CAF=" + u + "first@mail.gmail.com";
        Conversation refund = record(firstMail(support, "Alice Martin", alice, first, "Refund for order 7731"));
        // mallory was in Cc of someone else's mail, in another conversation
        record(firstMail(support, "Carol", "carol-" + u + "@example.org", "carol-" + u + "@example.org",
                "Team lunch"), List.of("support@omnihub.example", mallory));

        InboundInteraction hijack = mail(support, "Mallory", mallory, "m1-" + u + "@evil.test",
                "Re: Refund for order 7731", first, List.of(first), null);
        ThreadDecision decision = threader.decide(hijack, support, sender(hijack));

        assertThat(decision.rule()).isEqualTo("message-id-other-sender");
        assertThat(decision.claimed()).isEqualTo(refund.getId());
    }

    // --- dispatch to the channel's rule ----------------------------------------------------------

    @Test
    void aChannelWithoutARuleOfItsOwnContinuesByItsChannelKey() {
        Inbox texts = fixtures.inbox("sms");
        String number = phoneNumber();
        String key = number + "|+15005550006";
        Conversation first = record(keyed("sms", texts, number, key, "Is my order 7731 shipped?"));

        InboundInteraction again = keyed("sms", texts, number, key, "Any news?");
        ThreadDecision decision = threader.decide(again, texts, sender(again));

        assertThat(first.getThreadKey()).isEqualTo(key);
        assertThat(first.getThreadingRule()).isEqualTo("channel-key-new");
        assertThat(decision.rule()).isEqualTo("channel-key");
        assertThat(decision.existing().getId()).isEqualTo(first.getId());
    }

    @Test
    void aStrangerOnAnotherCustomersChannelKeyGetsAConversationOfHisOwnThatKeepsTheKey() {
        Inbox texts = fixtures.inbox("sms");
        String hers = phoneNumber();
        String key = hers + "|+15005550006";
        Conversation alicesThread = record(keyed("sms", texts, hers, key, "my order?"));

        String his = phoneNumber();
        InboundInteraction stranger = keyed("sms", texts, his, key, "let me in");
        ThreadDecision decision = threader.decide(stranger, texts, sender(stranger));
        assertThat(decision.rule()).isEqualTo("channel-key-other-sender");
        assertThat(decision.claimed()).isEqualTo(alicesThread.getId());
        assertThat(decision.threadKey()).isEqualTo(key);
        Conversation his1 = record(stranger);

        InboundInteraction hisNext = keyed("sms", texts, his, key, "hello?");
        InboundInteraction herNext = keyed("sms", texts, hers, key, "any news?");
        ThreadDecision forHim = threader.decide(hisNext, texts, sender(hisNext));
        ThreadDecision forHer = threader.decide(herNext, texts, sender(herNext));

        assertThat(forHim.rule()).isEqualTo("channel-key");
        assertThat(forHim.existing().getId()).isEqualTo(his1.getId());
        assertThat(forHer.rule()).isEqualTo("channel-key");
        assertThat(forHer.existing().getId()).isEqualTo(alicesThread.getId());
    }

    @Test
    void aWebFormSubmissionAlwaysOpensItsOwnConversation() {
        Inbox form = fixtures.inbox("webform");
        String dana = "Dana.Weiss-" + u + "@Example.com";
        Conversation earlier = record(submission(form, dana, "Contract renewal"));

        InboundInteraction second = submission(form, dana, "Contract renewal");
        ThreadDecision decision = threader.decide(second, form, sender(second));

        assertThat(earlier.getThreadingRule()).isEqualTo("webform-submission");
        assertThat(decision.opensConversation()).isTrue();
        assertThat(decision.rule()).isEqualTo("webform-submission");
        assertThat(decision.claimed()).isNull();
    }

    @Test
    void aCallGoesToTheCallersOpenConversationWhicheverChannelItStartedOn() {
        Inbox line = fixtures.inbox("sms");
        String number = phoneNumber();
        Conversation texted = record(keyed("sms", line, number, number + "|+15005550006", "Call me back please"));

        InboundInteraction call = keyed("voice", line, number, "CA" + u, null);
        ThreadDecision decision = threader.decide(call, line, sender(call));

        assertThat(decision.rule()).isEqualTo("caller-open-conversation");
        assertThat(decision.existing().getId()).isEqualTo(texted.getId());
    }

    // --- helpers ---------------------------------------------------------------------------------

    private Customer sender(InboundInteraction in) {
        return identity.resolve(in.from(), in.channel() + ":" + in.inbox()).customer();
    }

    private Conversation record(InboundInteraction in) {
        return record(in, in.to().stream().map(Address::value).toList());
    }

    /** What the recorder does: who, which thread, a new conversation if so, the ids remembered, the interaction. */
    private Conversation record(InboundInteraction in, List<String> toAndCc) {
        Inbox inbox = inboxes.findByKey(in.inbox()).orElseThrow();
        Customer customer = sender(in);
        ThreadDecision decision = threader.decide(in, inbox, customer);
        Conversation conversation = decision.opensConversation()
                ? conversations.save(new Conversation(customer.getId(), inbox.getId(), in.channel(), in.subject(),
                        decision.threadKey(), decision.rule(), in.occurredAt()))
                : decision.existing();
        threader.remember(in, conversation);
        Map<String, Object> metadata = new LinkedHashMap<>(in.metadata());
        if (!toAndCc.isEmpty()) {
            metadata.put("to", toAndCc);
        }
        interactions.save(new Interaction(new InteractionDraft(in.channel(), Direction.INBOUND,
                InteractionKind.valueOf(in.kind()), in.externalId(), in.occurredAt(), in.from().primary().value(),
                in.subject(), in.text(), null, List.of(), metadata), conversation.getId(), customer.getId(),
                inbox.getId(), NOW));
        return conversation;
    }

    private void agentReplied(Conversation conversation, String messageId, String to) {
        interactions.save(new Interaction(new InteractionDraft("email", Direction.OUTBOUND, InteractionKind.MESSAGE,
                "reply-" + unique(), NOW, "support@omnihub.example", "Re: " + conversation.getSubject(),
                "We are on it.", null, List.of(), Map.of("messageId", messageId, "to", to)), conversation.getId(),
                conversation.getCustomerId(), conversation.getInboxId(), NOW));
    }

    /** A form post; it names the same session key every time, which a web form does not thread by. */
    private InboundInteraction submission(Inbox form, String email, String subject) {
        return InboundInteraction.builder("webform", form.getKey(), "sub-" + unique())
                .kind("FORM_SUBMISSION").occurredAt(NOW)
                .from(new Sender("Dana Weiss", List.of(Address.email(email), Address.phone(phoneNumber()))))
                .subject(subject).text("Please call me about my contract.")
                .thread(new ThreadHints(null, List.of(), null, "form-session-" + u))
                .build();
    }
}
