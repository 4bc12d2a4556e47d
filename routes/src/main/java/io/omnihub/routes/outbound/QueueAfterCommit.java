package io.omnihub.routes.outbound;

import org.springframework.jms.core.JmsTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.omnihub.routes.bus.BusProperties;
import jakarta.jms.ConnectionFactory;

/**
 * Queues an outbound message the hub itself recorded (an acknowledgement, a chat transcript) on
 * {@code hub.outbound.<channel>} once the recording transaction has committed. Should the broker
 * be unreachable at that moment, the queued-reply sweep finds the message still QUEUED and sends it.
 */
@Component
public class QueueAfterCommit {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(QueueAfterCommit.class);

    private final JmsTemplate bus;
    private final BusProperties properties;

    QueueAfterCommit(ConnectionFactory connectionFactory, BusProperties properties) {
        this.bus = new JmsTemplate(connectionFactory);
        this.properties = properties;
    }

    /** Called inside the recording transaction. */
    public void enqueue(String channel, long interactionId) {
        String queue = properties.outbound(channel);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                try {
                    bus.send(queue, session -> {
                        var message = session.createTextMessage(
                                "{\"schema\":\"omnihub.outbound.v1\",\"interactionId\":" + interactionId + "}");
                        message.setStringProperty("_AMQ_DUPL_ID", "reply:" + interactionId);
                        return message;
                    });
                } catch (org.springframework.jms.JmsException e) {
                    // recorded and committed: the queued-reply sweep sends it; the caller must not retry
                    log.warn("{} {} recorded but not queued yet ({}); the queued-reply sweep sends it", channel,
                            interactionId, e.getMessage());
                }
            }
        });
    }
}
