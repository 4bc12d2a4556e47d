package io.omnihub.routes.correlation;

import io.omnihub.connectors.bus.InboundInteraction;
import io.omnihub.store.conversation.Conversation;
import io.omnihub.store.conversation.ConversationRepository;
import io.omnihub.store.conversation.ConversationStatus;
import io.omnihub.store.customer.Customer;
import io.omnihub.store.inbox.Inbox;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * The rule for channels that name their own thread (a chat session, our number plus theirs): the
 * same key in the same inbox continues the conversation while it is open,
 * reopens it within the reopen window after it was resolved, and otherwise opens a new one.
 */
public class ChannelKeyThreading {

    private final ConversationRepository conversations;
    private final Duration reopenWindow;
    private final Clock clock;

    public ChannelKeyThreading(ConversationRepository conversations, Duration reopenWindow, Clock clock) {
        this.conversations = conversations;
        this.reopenWindow = reopenWindow;
        this.clock = clock;
    }

    public ThreadDecision decide(InboundInteraction interaction, Inbox inbox, Customer customer) {
        String key = interaction.thread().channelKey();
        if (key == null || key.isBlank()) {
            return ThreadDecision.open("no-thread-hint", null);
        }
        // the sender's own conversation on this key first; else whoever's it is (the threader then opens a
        // conversation of the sender's own, so someone else's message on the key never takes the thread over)
        Optional<Conversation> latest = conversations
                .findFirstByInboxIdAndThreadKeyAndCustomerIdOrderByOpenedAtDescIdDesc(inbox.getId(), key,
                        customer.getId())
                .or(() -> conversations.findFirstByInboxIdAndThreadKeyOrderByOpenedAtDescIdDesc(inbox.getId(), key));
        if (latest.isEmpty()) {
            return ThreadDecision.open("channel-key-new", key);
        }
        // an agent merged it into another conversation (perhaps merged on again): the thread goes on there
        Conversation conversation = conversations.survivorOf(latest.get());
        if (conversation.getStatus() != ConversationStatus.RESOLVED) {
            return ThreadDecision.continueWith(conversation, "channel-key");
        }
        boolean withinWindow = conversation.getResolvedAt() != null
                && conversation.getResolvedAt().plus(reopenWindow).isAfter(clock.instant());
        return withinWindow
                ? ThreadDecision.continueWith(conversation, "channel-key-reopened")
                : ThreadDecision.open("channel-key-after-resolved", key);
    }
}
