package io.omnihub.routes.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnihub.routes.bus.BusProperties;
import io.omnihub.routes.bus.HubHeaders;
import io.omnihub.store.events.EventEnvelope;
import io.omnihub.store.outbox.OutboxEntry;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import jakarta.jms.TransactionRolledBackException;
import java.util.List;
import java.util.Map;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.stereotype.Component;

/**
 * Publishes outbox entries on {@code hub.events} as {@link EventEnvelope} JSON. A batch goes out
 * in one broker transaction; each message carries the event id as its duplicate id, so a batch
 * re-sent after a crash is not delivered twice. If the broker refuses a batch because part of it
 * was already sent, the entries are sent one by one and the duplicates are dropped by the broker.
 */
@Component
class EventPublisher {

    private final JmsTemplate transacted;
    private final JmsTemplate oneByOne;
    private final ObjectMapper json;
    private final String topic;

    EventPublisher(ConnectionFactory connectionFactory, ObjectMapper json, BusProperties bus) {
        this.transacted = template(connectionFactory, true);
        this.oneByOne = template(connectionFactory, false);
        this.json = json;
        this.topic = bus.events();
    }

    private static JmsTemplate template(ConnectionFactory connectionFactory, boolean transacted) {
        JmsTemplate template = new JmsTemplate(connectionFactory);
        template.setPubSubDomain(true);
        template.setSessionTransacted(transacted);
        return template;
    }

    void publish(List<OutboxEntry> entries, Map<Long, Long> sequences) {
        try {
            transacted.execute(session -> {
                send(session, entries, sequences);
                session.commit();
                return null;
            }, true);
        } catch (org.springframework.jms.JmsException e) {
            if (!(e.getCause() instanceof TransactionRolledBackException)) {
                throw e;
            }
            // part of the batch went out before a crash: re-send singly, the broker drops what it has
            oneByOne.execute(session -> {
                send(session, entries, sequences);
                return null;
            }, true);
        }
    }

    private void send(Session session, List<OutboxEntry> entries, Map<Long, Long> sequences) throws JMSException {
        Topic destination = session.createTopic(topic);
        try (MessageProducer producer = session.createProducer(destination)) {
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
            for (OutboxEntry entry : entries) {
                TextMessage message = session.createTextMessage(envelope(entry, sequences.get(entry.getId())));
                message.setStringProperty(HubHeaders.DUPLICATE_ID, "event:" + entry.getEventId());
                message.setStringProperty(HubHeaders.EVENT_TYPE, entry.getEventType());
                if (entry.getCustomerId() != null) {
                    message.setStringProperty(HubHeaders.CUSTOMER_ID, entry.getCustomerId().toString());
                    message.setStringProperty(HubHeaders.GROUP_ID, "customer:" + entry.getCustomerId());
                }
                producer.send(message);
            }
        }
    }

    private String envelope(OutboxEntry entry, long sequence) {
        try {
            return json.writeValueAsString(new EventEnvelope(EventEnvelope.SCHEMA, entry.getEventId(), sequence,
                    entry.getEventType(), entry.getCreatedAt(), entry.getCustomerId(), json.readTree(entry.getPayload())));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("outbox entry " + entry.getId() + " holds invalid JSON", e);
        }
    }
}
