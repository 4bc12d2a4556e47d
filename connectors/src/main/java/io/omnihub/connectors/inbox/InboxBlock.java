package io.omnihub.connectors.inbox;

/**
 * What one channel binds of an inbox: its {@code channel} and the channel's own settings block
 * ({@code omnihub.inboxes.<key>.webform}, {@code .email}, …), absent for inboxes of other channels.
 *
 * @param <S> the channel's settings
 */
public interface InboxBlock<S> {

    String channel();

    /** The channel's block, or null when the inbox has none. */
    S settings();
}
