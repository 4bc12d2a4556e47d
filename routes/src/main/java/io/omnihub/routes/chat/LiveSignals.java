package io.omnihub.routes.chat;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jms.JmsException;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.omnihub.connectors.chat.ChatSignals;
import io.omnihub.routes.bus.BusProperties;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;

/**
 * Publishes short-lived signals on the live topic ({@code hub.live}): not persistent, expiring
 * after 30 seconds, lost without harm when the broker is away (a typing signal is stale by then;
 * a chat line is on the visitor's history the next time the widget connects).
 */
@Component
class LiveSignals implements ChatSignals {

    private static final Logger log = LoggerFactory.getLogger(LiveSignals.class);

    private final JmsTemplate topic;
    private final String destination;
    private final ObjectMapper json;

    LiveSignals(ConnectionFactory connectionFactory, BusProperties bus, ObjectMapper json) {
        this.topic = new JmsTemplate(connectionFactory);
        this.topic.setPubSubDomain(true);
        this.topic.setExplicitQosEnabled(true);
        this.topic.setDeliveryMode(DeliveryMode.NON_PERSISTENT);
        this.topic.setTimeToLive(30_000);
        this.destination = bus.live();
        this.json = json;
    }

    @Override
    public void publish(Map<String, Object> signal) {
        try {
            String text = json.writeValueAsString(signal);
            topic.send(destination, session -> session.createTextMessage(text));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("a live signal must be JSON", e);
        } catch (JmsException e) {
            log.debug("a live signal was not published: {}", e.getMessage());
        }
    }
}
