package io.omnihub.connectors.bus;

/** How a connector hands a status report to the hub. */
public interface StatusPublisher {

    /**
     * Puts the report on {@code hub.status} and returns once the broker holds it durably.
     *
     * @throws BusUnavailableException when the bus cannot take it now; the source should retry
     */
    void publish(StatusUpdate update);
}
