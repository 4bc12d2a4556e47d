package io.omnihub.connectors.inbox;

/**
 * A channel inboxes can be configured for, {@code omnihub.inboxes.<key>.channel}. Each channel's package
 * contributes one (the properties that bind its settings block), so this package names no channel:
 * a new channel is a new package, and {@link ConfiguredChannels} accepts its inboxes.
 */
public interface InboxChannel {

    /** The value of {@code omnihub.inboxes.<key>.channel} that selects it, e.g. {@code webform}. */
    String channel();
}
