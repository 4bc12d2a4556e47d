package io.omnihub.routes.voice;

import io.omnihub.connectors.twilio.TwilioChannels;
import io.omnihub.routes.correlation.ThreadDecision;
import io.omnihub.routes.correlation.ThreadingRule;
import io.omnihub.routes.correlation.ChannelKeyThreading;
import io.omnihub.connectors.bus.InboundInteraction;
import io.omnihub.store.conversation.ConversationRepository;
import io.omnihub.store.conversation.ConversationStatus;
import io.omnihub.store.customer.Customer;
import io.omnihub.store.inbox.Inbox;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A call continues the caller's open conversation in the inbox, whatever channel it started on
 * (the SMS they sent an hour ago, or its follow-up email), so the agent who picks up sees it all in
 * one place; without one, calls and texts between the same two numbers share a thread key.
 */
@Component
class VoiceThreading implements ThreadingRule {

    private final ConversationRepository conversations;
    private final ChannelKeyThreading byNumbers;

    VoiceThreading(ConversationRepository conversations,
            @Value("${omnihub.threading.reopen-window:P7D}") Duration reopenWindow, Clock clock) {
        this.conversations = conversations;
        this.byNumbers = new ChannelKeyThreading(conversations, reopenWindow, clock);
    }

    @Override
    public String channel() {
        return TwilioChannels.VOICE;
    }

    @Override
    public ThreadDecision decide(InboundInteraction call, Inbox inbox, Customer customer) {
        return conversations.findFirstByCustomerIdAndInboxIdAndStatusNotOrderByLastActivityAtDescIdDesc(
                        customer.getId(), inbox.getId(), ConversationStatus.RESOLVED)
                .map(open -> ThreadDecision.continueWith(open, "caller-open-conversation"))
                .orElseGet(() -> byNumbers.decide(call, inbox, customer));
    }
}
