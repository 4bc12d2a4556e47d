package io.omnihub.routes.correlation;

import io.omnihub.connectors.bus.AddressType;
import io.omnihub.connectors.bus.InboundInteraction;
import io.omnihub.connectors.bus.Sender;
import io.omnihub.store.interaction.InteractionRepository;
import io.omnihub.store.conversation.Conversation;
import io.omnihub.store.conversation.ConversationRepository;
import io.omnihub.store.customer.Customer;
import io.omnihub.store.inbox.Inbox;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Picks the conversation an interaction belongs to with its channel's threading rule; channels
 * without a rule of their own continue by their thread key.
 */
@Component
class ConversationThreader {

    private final Map<String, ThreadingRule> rules;
    private final ChannelKeyThreading byChannelKey;
    private final InteractionRepository interactions;
    private final ConversationRepository conversations;

    /**
     * @param reopenWindow {@code omnihub.threading.reopen-window}: how long after being resolved a
     *                     conversation is reopened by a new message on its thread (default 7 days)
     */
    ConversationThreader(List<ThreadingRule> rules, ConversationRepository conversations,
            InteractionRepository interactions,
            @Value("${omnihub.threading.reopen-window:P7D}") Duration reopenWindow, Clock clock) {
        this.interactions = interactions;
        this.conversations = conversations;
        this.rules = rules.stream().collect(Collectors.toUnmodifiableMap(ThreadingRule::channel, Function.identity()));
        this.byChannelKey = new ChannelKeyThreading(conversations, reopenWindow, clock);
    }

    /**
     * The rule's decision, if the sender belongs to the conversation it found: its customer, or a
     * participant it already has (an address a mail of it went to, say a Cc). A thread never takes in
     * another customer's message silently: then a new conversation opens, naming the one claimed.
     */
    ThreadDecision decide(InboundInteraction interaction, Inbox inbox, Customer customer) {
        ThreadingRule rule = rules.get(interaction.channel());
        ThreadDecision decided = rule != null ? rule.decide(interaction, inbox, customer)
                : byChannelKey.decide(interaction, inbox, customer);
        // a new conversation that continues a resolved one (after the reopen window, a changed subject)
        // is linked to it only when the sender belongs to that one too
        Conversation found = decided.opensConversation()
                ? decided.previous() == null ? null : conversations.findById(decided.previous()).orElse(null)
                : decided.existing();
        if (found == null || found.getCustomerId().equals(customer.getId()) || participant(found, interaction)) {
            return decided;
        }
        // the sender's own conversation keeps the channel's thread key: their next message finds it, not the other
        return ThreadDecision.claimed(found, decided.rule(), interaction.thread().channelKey());
    }

    private boolean participant(Conversation conversation, InboundInteraction interaction) {
        Sender from = interaction.from();
        if (from == null || from.primary() == null || from.primary().type() != AddressType.EMAIL) {
            return false;
        }
        return interactions.isParticipant(conversation.getId(), from.primary().value().strip()
                .toLowerCase(java.util.Locale.ROOT));
    }

    void remember(InboundInteraction interaction, Conversation conversation) {
        ThreadingRule rule = rules.get(interaction.channel());
        if (rule != null) {
            rule.remember(interaction, conversation);
        }
    }
}
