package io.omnihub.routes.email;

import io.omnihub.connectors.email.MailInteractions;
import io.omnihub.routes.correlation.ThreadDecision;
import io.omnihub.routes.correlation.ThreadingRule;
import io.omnihub.connectors.bus.InboundInteraction;
import io.omnihub.connectors.email.MailInboxes;
import io.omnihub.connectors.email.MailboxSettings;
import io.omnihub.connectors.email.MessageIdSigner;
import io.omnihub.connectors.email.OutlookThreadIndex;
import io.omnihub.store.conversation.Conversation;
import io.omnihub.store.conversation.ConversationRepository;
import io.omnihub.store.conversation.ConversationStatus;
import io.omnihub.store.customer.Customer;
import io.omnihub.store.inbox.Inbox;
import io.omnihub.store.mail.MessageReference;
import io.omnihub.store.mail.MessageReferenceRepository;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Which conversation a mail continues, by the first rule that matches (and recorded as the rule):
 * <ol>
 * <li>{@code signed-message-id}: In-Reply-To or References holds a Message-ID of a mail we sent,
 * whose signature proves which conversation it belongs to (it cannot be forged without the
 * server's secret), in the same mailbox;</li>
 * <li>{@code message-id}: In-Reply-To or References names a Message-ID already seen on a
 * conversation of the same mailbox (the sender's own first);</li>
 * <li>{@code subject-token}: the subject carries a conversation token such as {@code [#1234]} of a
 * conversation of the same mailbox;</li>
 * <li>{@code thread-index}: Outlook's Thread-Index, whose first 22 bytes name the thread, was seen
 * on a conversation of the same mailbox (the sender's own first);</li>
 * <li>otherwise a new conversation.</li>
 * </ol>
 * Whichever rule found it, a conversation of another customer is continued only by one of its
 * participants ({@link ConversationThreader}): a forged or quoted id never lets a stranger in.
 * A match on a resolved conversation reopens it within the reopen window; after that a new
 * conversation opens, linked to the resolved one.
 */
@Component
class EmailThreading implements ThreadingRule {

    private final MessageIdSigner signer;
    private final MessageReferenceRepository references;
    private final ConversationRepository conversations;
    private final Pattern subjectToken;
    private final EmailProperties email;
    private final MailInboxes mailboxes;
    private final Duration reopenWindow;
    private final Clock clock;

    EmailThreading(MessageIdSigner signer, MessageReferenceRepository references, ConversationRepository conversations,
            EmailProperties email, MailInboxes mailboxes,
            @Value("${omnihub.threading.reopen-window:P7D}") Duration reopenWindow, Clock clock) {
        this.signer = signer;
        this.references = references;
        this.conversations = conversations;
        this.subjectToken = tokenPattern(email.subjectToken());
        this.email = email;
        this.mailboxes = mailboxes;
        this.reopenWindow = reopenWindow;
        this.clock = clock;
    }

    static Pattern tokenPattern(String token) {
        int at = token.indexOf("{id}");
        if (at < 0) {
            throw new IllegalArgumentException("omnihub.email.subject-token must contain {id}, e.g. [#{id}]");
        }
        return Pattern.compile(Pattern.quote(token.substring(0, at)) + "(\\d{1,18})"
                + Pattern.quote(token.substring(at + 4)));
    }

    @Override
    public String channel() {
        return MailInteractions.CHANNEL;
    }

    @Override
    public ThreadDecision decide(InboundInteraction mail, Inbox inbox, Customer customer) {
        List<String> ids = new ArrayList<>();
        if (mail.thread().inReplyTo() != null) {
            ids.add(mail.thread().inReplyTo());
        }
        ids.addAll(mail.thread().references());
        for (String id : ids) {
            Optional<Conversation> signed = signer.conversationOf(id).flatMap(conversations::findById)
                    .filter(c -> c.getInboxId().equals(inbox.getId()));
            if (signed.isPresent()) {
                return continueOrReopen(signed.get(), "signed-message-id", mail);
            }
        }
        if (!ids.isEmpty()) {
            Optional<Conversation> byId = first(inbox, customer, MessageReference.Kind.MESSAGE_ID, ids);
            if (byId.isPresent()) {
                return continueOrReopen(byId.get(), "message-id", mail);
            }
        }
        Optional<Conversation> byToken = tokenIn(mail.subject())
                .flatMap(conversations::findById)
                .filter(c -> c.getInboxId().equals(inbox.getId()));
        if (byToken.isPresent()) {
            return continueOrReopen(byToken.get(), "subject-token", null);
        }
        String threadId = OutlookThreadIndex.threadId(mail.thread().threadIndex());
        if (threadId != null) {
            Optional<Conversation> byIndex = first(inbox, customer, MessageReference.Kind.THREAD_INDEX,
                    List.of(threadId));
            if (byIndex.isPresent()) {
                return continueOrReopen(byIndex.get(), "thread-index", mail);
            }
        }
        return ThreadDecision.open("new-conversation", null);
    }

    @Override
    public void remember(InboundInteraction mail, Conversation conversation) {
        Object messageId = mail.metadata().get("messageId");
        if (messageId instanceof String id) {
            references.remember(conversation.getInboxId(), conversation.getId(), conversation.getCustomerId(),
                    MessageReference.Kind.MESSAGE_ID.name(), id);
        }
        String threadId = OutlookThreadIndex.threadId(mail.thread().threadIndex());
        if (threadId != null) {
            references.remember(conversation.getInboxId(), conversation.getId(), conversation.getCustomerId(),
                    MessageReference.Kind.THREAD_INDEX.name(), threadId);
        }
    }

    /** The conversation a reference names: the sender's own first, else anyone's (the threader then decides). */
    private Optional<Conversation> first(Inbox inbox, Customer customer, MessageReference.Kind kind,
            List<String> values) {
        List<MessageReference> found = references.findInInbox(inbox.getId(), kind, values);
        return found.stream().filter(r -> r.getCustomerId().equals(customer.getId())).findFirst()
                .or(() -> found.stream().findFirst())
                .flatMap(r -> conversations.findById(r.getConversationId()));
    }

    /** @param mail the reply, when a changed subject may start a new conversation; null when not */
    private ThreadDecision continueOrReopen(Conversation found, String rule, InboundInteraction mail) {
        // a conversation an agent merged into another goes on in that one, whichever rule found it
        Conversation conversation = conversations.survivorOf(found);
        if (mail != null && splitsOnSubjectChange(mail.inbox())
                && !email.sameTopic(mail.subject(), conversation.getSubject())) {
            return ThreadDecision.openAfter(conversation, "subject-changed", null);
        }
        if (conversation.getStatus() != ConversationStatus.RESOLVED) {
            return ThreadDecision.continueWith(conversation, rule);
        }
        boolean withinWindow = conversation.getResolvedAt() != null
                && conversation.getResolvedAt().plus(reopenWindow).isAfter(clock.instant());
        return withinWindow
                ? ThreadDecision.continueWith(conversation, rule + "-reopened")
                : ThreadDecision.openAfter(conversation, rule + "-after-resolved", null);
    }

    private boolean splitsOnSubjectChange(String inbox) {
        return mailboxes.mailbox(inbox).map(MailboxSettings::newConversationOnSubjectChange).orElse(false);
    }

    Optional<Long> tokenIn(String subject) {
        if (subject == null) {
            return Optional.empty();
        }
        Matcher m = subjectToken.matcher(subject);
        return m.find() ? Optional.of(Long.parseLong(m.group(1))) : Optional.empty();
    }

}
