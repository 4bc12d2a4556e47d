package io.omnihub.routes.bus;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The bus topology, {@code omnihub.bus.*}: address names and the redelivery policy every queue
 * gets. The broker is configured from this one record (embedded or external).
 *
 * @param inbound              the queue inbound interactions travel on
 * @param events               the topic domain events are published on
 * @param outboundPrefix       outbound queues are {@code <prefix>.<channel>}
 * @param deadLetterSuffix     each queue's dead-letter queue is {@code <queue><suffix>}
 * @param consumers            concurrent consumers of {@code hub.inbound} per hub node
 * @param maxDeliveryAttempts  deliveries before a failing message moves to its dead-letter queue
 * @param redeliveryDelay      wait before the first redelivery
 * @param redeliveryMultiplier each further redelivery waits this much longer
 * @param maxRedeliveryDelay   the longest wait between redeliveries
 * @param live                 the topic of short-lived signals between nodes (typing, lines for open chat
 *                             widgets): not persistent, never stored
 */
@ConfigurationProperties("omnihub.bus")
public record BusProperties(@DefaultValue("hub.inbound") String inbound, @DefaultValue("hub.events") String events,
        @DefaultValue("hub.outbound") String outboundPrefix, @DefaultValue(".dlq") String deadLetterSuffix,
        @DefaultValue("4") int consumers, @DefaultValue("6") int maxDeliveryAttempts,
        @DefaultValue("1s") Duration redeliveryDelay, @DefaultValue("3.0") double redeliveryMultiplier,
        @DefaultValue("5m") Duration maxRedeliveryDelay, @DefaultValue("hub.live") String live) {

    public String deadLetterOf(String queue) {
        return queue + deadLetterSuffix;
    }

    public String outbound(String channel) {
        return outboundPrefix + "." + channel;
    }
}
