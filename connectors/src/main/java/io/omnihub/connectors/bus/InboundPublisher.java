package io.omnihub.connectors.bus;

/** Hands an inbound interaction to the hub. A connector acknowledges its source only after this returns. */
public interface InboundPublisher {

    /**
     * Puts the interaction on {@code hub.inbound} and returns once the broker holds it durably.
     *
     * @throws BusUnavailableException when the bus cannot take it now; the source should retry
     */
    void publish(InboundInteraction interaction);
}
