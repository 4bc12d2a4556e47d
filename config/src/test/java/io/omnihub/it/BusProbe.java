package io.omnihub.it;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.jms.core.JmsTemplate;

/** Looks at and writes to the hub's Artemis broker directly, as an operator's tool would. */
@TestComponent
public class BusProbe {

    private final JmsTemplate jms;

    BusProbe(ConnectionFactory connectionFactory) {
        this.jms = new JmsTemplate(connectionFactory);
        this.jms.setReceiveTimeout(JmsTemplate.RECEIVE_TIMEOUT_NO_WAIT);
    }

    /** A message as the broker holds it: body and properties. */
    public record BusMessage(String text, Map<String, Object> properties) {
        public String property(String name) {
            Object value = properties.get(name);
            return value == null ? null : value.toString();
        }
    }

    /** Puts a text message on a queue, bypassing the hub's connectors. */
    public void send(String queue, String text, Map<String, String> properties) {
        jms.send(queue, session -> {
            TextMessage message = session.createTextMessage(text);
            for (Map.Entry<String, String> p : properties.entrySet()) {
                message.setStringProperty(p.getKey(), p.getValue());
            }
            return message;
        });
    }

    /** What is in a queue, without consuming it. */
    public List<BusMessage> browse(String queue) {
        List<BusMessage> result = jms.browse(queue, (session, browser) -> {
            List<BusMessage> messages = new ArrayList<>();
            var enumeration = browser.getEnumeration();
            while (enumeration.hasMoreElements()) {
                messages.add(read((Message) enumeration.nextElement()));
            }
            return messages;
        });
        return result == null ? List.of() : result;
    }

    private static BusMessage read(Message message) throws JMSException {
        Map<String, Object> properties = new java.util.LinkedHashMap<>();
        for (Object name : Collections.list(message.getPropertyNames())) {
            properties.put((String) name, message.getObjectProperty((String) name));
        }
        String text = message instanceof TextMessage t ? t.getText() : null;
        return new BusMessage(text, properties);
    }
}
