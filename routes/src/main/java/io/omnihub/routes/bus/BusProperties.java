package io.omnihub.routes.bus;

import java.time.Duration;
import io.omnihub.store.channel.Channels;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The bus topology, {@code omnihub.bus.*}: address names and the redelivery policy every queue
 * gets. The broker is configured from this one record (embedded or external).
 *
 * @param inbound                the queue inbound interactions travel on
 * @param status                 the queue status reports travel on (deliveries, receipts, call progress)
 * @param inboundBusiness        the queue business events from ERP and SCM systems travel on
 * @param transcripts            the queue chat visitors' requests for a transcript by email travel on
 * @param events                 the topic domain events are published on
 * @param outboundPrefix         outbound queues are {@code <prefix>.<channel>}
 * @param deadLetterSuffix       each queue's dead-letter queue is {@code <queue><suffix>}
 * @param consumers              concurrent consumers of {@code hub.inbound} per hub node
 * @param maxDeliveryAttempts    deliveries of a message that keeps failing before it is parked (held for
 *                               agents, with the last reason)
 * @param outageDeliveryAttempts deliveries of a message that fails only because a dependency (the
 *                               database) is unreachable before the broker parks it: high, so that an
 *                               outage of hours makes messages wait rather than park
 * @param redeliveryDelay        wait before the first redelivery
 * @param redeliveryMultiplier   each further redelivery waits this much longer
 * @param maxRedeliveryDelay     the longest wait between redeliveries
 * @param live                   the topic of short-lived signals between nodes (typing, lines for open chat
 *                               widgets): not persistent, never stored
 */
@ConfigurationProperties("omnihub.bus")
public record BusProperties(@DefaultValue("hub.inbound") String inbound, @DefaultValue("hub.status") String status,
        @DefaultValue("hub.inbound-business") String inboundBusiness,
        @DefaultValue("hub.transcripts") String transcripts, @DefaultValue("hub.events") String events,
        @DefaultValue("hub.outbound") String outboundPrefix, @DefaultValue(".dlq") String deadLetterSuffix,
        @DefaultValue("4") int consumers, @DefaultValue("6") int maxDeliveryAttempts,
        @DefaultValue("200") int outageDeliveryAttempts,
        @DefaultValue("1s") Duration redeliveryDelay, @DefaultValue("3.0") double redeliveryMultiplier,
        @DefaultValue("5m") Duration maxRedeliveryDelay, @DefaultValue("hub.live") String live) {

    /** The integrations' durable subscription queue on {@code hub.events}. */
    public static final String INTEGRATIONS = "hub.integrations";

    public BusProperties {
        if (outageDeliveryAttempts < maxDeliveryAttempts) {
            outageDeliveryAttempts = maxDeliveryAttempts;
        }
    }

    public String deadLetterOf(String queue) {
        return queue + deadLetterSuffix;
    }

    /** The queue a dead-letter queue belongs to. */
    public String queueOfDeadLetter(String deadLetterQueue) {
        return deadLetterQueue != null && deadLetterQueue.endsWith(deadLetterSuffix)
                ? deadLetterQueue.substring(0, deadLetterQueue.length() - deadLetterSuffix.length())
                : deadLetterQueue;
    }

    public String outbound(String channel) {
        return outboundPrefix + "." + channel;
    }

    /**
     * Every queue consumed with redelivery and a dead-letter queue of its own (not the integrations' subscription):
     * the spine's, and one outbound queue per channel the hub sends on.
     */
    public List<String> queues(Channels channels) {
        List<String> queues = new ArrayList<>();
        queues.add(inbound);
        queues.add(status);
        queues.add(inboundBusiness);
        queues.add(transcripts);
        channels.sending().forEach(channel -> queues.add(outbound(channel)));
        return List.copyOf(queues);
    }

    /** Every queue whose parked messages become held items. */
    public List<String> parkingQueues(Channels channels) {
        List<String> queues = new ArrayList<>(queues(channels));
        queues.add(INTEGRATIONS);
        return List.copyOf(queues);
    }
}
