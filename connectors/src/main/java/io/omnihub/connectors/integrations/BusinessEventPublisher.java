package io.omnihub.connectors.integrations;

/**
 * How the ERP/SCM connector hands business events to the hub: onto {@code hub.inbound-business},
 * from where the hub puts each on the matching customer's timeline or in the unmatched list.
 */
public interface BusinessEventPublisher {

    /**
     * Puts the event on the bus and returns once the broker holds it durably; the same event (source
     * and id) handed over twice is recorded once.
     *
     * @throws io.omnihub.connectors.bus.BusUnavailableException when the bus cannot take it now
     */
    void publish(BusinessEvent event);
}
