package io.omnihub.broker;

import io.omnihub.routes.bus.BusProperties;
import io.omnihub.store.channel.Channels;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import org.apache.activemq.artemis.api.core.management.ResourceNames;
import org.apache.activemq.artemis.api.jms.ActiveMQJMSClient;
import org.apache.activemq.artemis.api.jms.management.JMSManagementHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the bus topology to an external Artemis broker through its management API before any
 * route consumes: the hub's queues and dead-letter queues exist and carry the redelivery policy of
 * {@code omnihub.bus.*}, so an operator configures them in one place whatever broker runs.
 *
 * <p>The broker user needs the {@code manage} permission on {@code activemq.management}. Without
 * it the hub refuses to start rather than run with poison messages looping on default settings.
 */
class ExternalBrokerTopology {

    private static final Logger log = LoggerFactory.getLogger(ExternalBrokerTopology.class);

    private final ConnectionFactory connectionFactory;
    private final BusTopology topology;

    ExternalBrokerTopology(ConnectionFactory connectionFactory, BusProperties bus, Channels channels) {
        this.connectionFactory = connectionFactory;
        this.topology = new BusTopology(bus, channels);
    }

    void apply() {
        try (Connection connection = connectionFactory.createConnection()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            // a requestor of our own: jakarta.jms.QueueRequestor deletes its reply queue while still
            // subscribed, which Artemis refuses; closing the connection removes it instead
            Queue replies = session.createTemporaryQueue();
            Requestor requestor = new Requestor(session, session.createProducer(
                    ActiveMQJMSClient.createQueue("activemq.management")), session.createConsumer(replies), replies);
            for (String queue : topology.queues()) {
                String deadLetter = topology.deadLetterOf(queue);
                requestor.invoke("createQueue", BusTopology.durableQueue(queue).toJSON(), true);
                requestor.invoke("createQueue", BusTopology.durableQueue(deadLetter).toJSON(), true);
                requestor.invoke("addAddressSettings", queue, topology.redeliveryPolicy(queue).toJSON());
                requestor.invoke("addAddressSettings", deadLetter, topology.parkingPolicy().toJSON());
            }
            requestor.invoke("createQueue", BusTopology.integrationsSubscription(topology.events()).toJSON(), true);
            requestor.invoke("createQueue", BusTopology.durableQueue(topology.deadLetterOf(BusTopology.INTEGRATIONS))
                    .toJSON(), true);
            requestor.invoke("addAddressSettings", topology.events(),
                    topology.redeliveryPolicy(BusTopology.INTEGRATIONS).toJSON());
            requestor.invoke("addAddressSettings", topology.deadLetterOf(BusTopology.INTEGRATIONS),
                    topology.parkingPolicy().toJSON());
            log.info("bus topology applied to the external broker: {} queues and the integrations' subscription, "
                    + "each with a dead-letter queue", topology.queues().size());
        } catch (JMSException e) {
            throw new IllegalStateException("cannot apply the bus topology to the external broker: " + e.getMessage(),
                    e);
        }
    }

    private record Requestor(Session session, MessageProducer producer, MessageConsumer consumer, Queue replies) {

        private static final long REPLY_TIMEOUT_MILLIS = 10_000;

        void invoke(String operation, Object... args) throws JMSException {
            Message request = session.createMessage();
            JMSManagementHelper.putOperationInvocation(request, ResourceNames.BROKER, operation, args);
            request.setJMSReplyTo(replies);
            producer.send(request);
            Message reply = consumer.receive(REPLY_TIMEOUT_MILLIS);
            if (reply == null) {
                throw new IllegalStateException("the broker did not answer the management operation " + operation);
            }
            if (!JMSManagementHelper.hasOperationSucceeded(reply)) {
                throw new IllegalStateException("the broker refused " + operation + ": " + reason(reply));
            }
        }

        private static Object reason(Message reply) {
            try {
                return JMSManagementHelper.getResult(reply);
            } catch (Exception e) {
                return e.getMessage();
            }
        }
    }
}
