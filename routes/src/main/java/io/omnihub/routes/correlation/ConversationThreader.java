package io.omnihub.routes.correlation;

import io.omnihub.connectors.bus.InboundInteraction;
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

    /**
     * @param reopenWindow {@code omnihub.threading.reopen-window}: how long after being resolved a
     *                     conversation is reopened by a new message on its thread (default 7 days)
     */
    ConversationThreader(List<ThreadingRule> rules, ConversationRepository conversations,
            @Value("${omnihub.threading.reopen-window:P7D}") Duration reopenWindow, Clock clock) {
        this.rules = rules.stream().collect(Collectors.toUnmodifiableMap(ThreadingRule::channel, Function.identity()));
        this.byChannelKey = new ChannelKeyThreading(conversations, reopenWindow, clock);
    }

    ThreadDecision decide(InboundInteraction interaction, Inbox inbox, Customer customer) {
        ThreadingRule rule = rules.get(interaction.channel());
        return rule != null ? rule.decide(interaction, inbox, customer) : byChannelKey.decide(interaction, inbox, customer);
    }

    void remember(InboundInteraction interaction, Conversation conversation) {
        ThreadingRule rule = rules.get(interaction.channel());
        if (rule != null) {
            rule.remember(interaction, conversation);
        }
    }
}
