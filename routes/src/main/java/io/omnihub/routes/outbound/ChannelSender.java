package io.omnihub.routes.outbound;

/**
 * How a channel sends what agents queued: one per channel ({@code email}, {@code sms},
 * {@code voice}, {@code chat}), each in its slice; {@link OutboundRoutes} gives every one its route
 * off {@code hub.outbound.<channel>}. A sender sends only a message still QUEUED, reports success
 * and permanent refusals itself ({@code Deliveries}), and throws on a failure worth retrying.
 */
public interface ChannelSender {

    /** The channel it sends on: its queue is {@code hub.outbound.<channel>}, its route {@code <channel>-send}. */
    String channel();

    /** Sends the queued message, if it is still QUEUED; throws on a failure worth retrying. */
    void send(long interactionId) throws Exception;
}
