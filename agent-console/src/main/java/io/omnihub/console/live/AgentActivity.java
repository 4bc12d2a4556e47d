package io.omnihub.console.live;

import io.omnihub.store.channel.Channels;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jms.JmsException;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.omnihub.store.conversation.Conversation;
import io.omnihub.store.user.AppUser;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;

/**
 * Tells every node that an agent is looking at a conversation, typing a reply in it, or has left
 * it: other agents on it see "someone else is replying", and a chat visitor sees the agent typing.
 * Sent on the live topic, not persistent; a lost signal is simply not shown.
 */
@Component
public class AgentActivity {

    static final String TYPE = "AgentActivity";
    public static final Set<String> ACTIVITIES = Set.of("viewing", "typing", "left");

    private final Channels channels;
    private final JmsTemplate topic;
    private final String destination;
    private final ObjectMapper json;

    AgentActivity(ConnectionFactory connectionFactory, @Value("${omnihub.bus.live:hub.live}") String destination,
            ObjectMapper json, Channels channels) {
        this.channels = channels;
        this.topic = new JmsTemplate(connectionFactory);
        this.topic.setPubSubDomain(true);
        this.topic.setExplicitQosEnabled(true);
        this.topic.setDeliveryMode(DeliveryMode.NON_PERSISTENT);
        this.topic.setTimeToLive(30_000);
        this.destination = destination;
        this.json = json;
    }

    public void publish(Conversation conversation, AppUser agent, String activity) {
        if (!ACTIVITIES.contains(activity)) {
            throw new IllegalArgumentException("activity is one of " + ACTIVITIES);
        }
        Map<String, Object> signal = new LinkedHashMap<>();
        signal.put("type", TYPE);
        signal.put("conversationId", conversation.getId());
        signal.put("agent", agent.getUsername());
        signal.put("agentName", agent.shownName());
        signal.put("activity", activity);
        channels.liveSession(conversation.getChannel(), conversation.getThreadKey())
                .ifPresent(session -> signal.put("chatSession", session));
        try {
            String text = json.writeValueAsString(signal);
            topic.send(destination, session -> session.createTextMessage(text));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        } catch (JmsException e) {
            // a passing signal: the broker being away only means nobody sees it
        }
    }
}
