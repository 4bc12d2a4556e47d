package io.omnihub.console.outbound;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.stereotype.Component;

/**
 * Puts what an agent asked for (a reply, a call) on {@code hub.outbound.<channel>} for the
 * channel's sender. The session is transacted and joins the caller's database transaction, so the
 * message is sent when the database commits; the duplicate id makes a second send harmless.
 */
@Component
public class OutboundQueue {

    private final JmsTemplate bus;
    private final String prefix;

    OutboundQueue(JmsTemplate jms, @Value("${omnihub.bus.outbound-prefix:hub.outbound}") String prefix) {
        this.bus = new JmsTemplate(jms.getConnectionFactory());
        this.bus.setSessionTransacted(true);
        this.prefix = prefix;
    }

    public void enqueue(String channel, long interactionId) {
        enqueue(channel, interactionId, "reply:" + interactionId);
    }

    /** Under a duplicate id of its own: a message queued again (sent again by an agent) is not a duplicate. */
    public void enqueue(String channel, long interactionId, String duplicateId) {
        bus.send(prefix + "." + channel, session -> {
            var message = session.createTextMessage(
                    "{\"schema\":\"omnihub.outbound.v1\",\"interactionId\":" + interactionId + "}");
            message.setStringProperty("_AMQ_DUPL_ID", duplicateId);
            return message;
        });
    }
}
