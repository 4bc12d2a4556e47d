package io.omnihub.connectors.inbox;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/**
 * Checks at start-up that every configured inbox names a channel some channel package serves
 * ({@link InboxChannel}), and stops the hub with the setting to fix when one does not.
 */
@Component
public class ConfiguredChannels {

    private final Set<String> channels = new TreeSet<>();

    ConfiguredChannels(InboxesProperties inboxes, List<InboxChannel> served) {
        served.forEach(channel -> channels.add(channel.channel()));
        inboxes.inboxes().forEach((key, inbox) -> {
            if (!channels.contains(inbox.channel())) {
                throw new IllegalArgumentException("omnihub.inboxes." + key + ".channel must be one of " + channels
                        + (inbox.channel() == null ? "" : ", not '" + inbox.channel() + "'"));
            }
        });
    }

    /** The channels an inbox can be configured for. */
    public Set<String> channels() {
        return Set.copyOf(channels);
    }
}
