package io.omnihub.connectors.chat;

/** How the chat connector hands a transcript request to the hub: onto {@code hub.transcripts}. */
public interface TranscriptPublisher {

    /**
     * Puts the request on the bus and returns once the broker holds it durably.
     *
     * @throws io.omnihub.connectors.bus.BusUnavailableException when the bus cannot take it now
     */
    void publish(TranscriptRequest request);
}
