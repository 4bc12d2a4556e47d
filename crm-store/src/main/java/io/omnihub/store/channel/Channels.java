package io.omnihub.store.channel;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/**
 * Every channel the hub serves, as contributed by the channels' slices ({@link ChannelType} beans). Two slices
 * claiming one key stop the hub at start-up.
 */
@Component("channelTypes")
public class Channels {

    private final Map<String, ChannelType> byKey;

    public Channels(Collection<? extends ChannelType> types) {
        Map<String, ChannelType> sorted = new TreeMap<>();
        for (ChannelType type : types) {
            ChannelType before = sorted.putIfAbsent(type.key(), type);
            if (before != null) {
                throw new IllegalStateException("two channels claim the key '" + type.key() + "': "
                        + before.getClass().getName() + " and " + type.getClass().getName());
            }
        }
        this.byKey = new LinkedHashMap<>(sorted);
    }

    public Optional<ChannelType> find(String key) {
        return Optional.ofNullable(key).map(byKey::get);
    }

    /** What agents read for channel {@code key}: its type's label, else the key itself. */
    public String label(String key) {
        return find(key).map(ChannelType::label).orElse(key);
    }

    /** Every channel's key, in alphabetical order. */
    public Set<String> keys() {
        return byKey.keySet();
    }

    /** The channels conversations begin on, for the inbox's channel filter. */
    public List<ChannelType> conversationChannels() {
        return byKey.values().stream().filter(ChannelType::opensConversations).toList();
    }

    /** The channels the hub answers customers on. */
    public List<ChannelType> answered() {
        return byKey.values().stream().filter(type -> type.replies().isPresent()).toList();
    }

    /** The keys of the channels the hub sends on, each with its outbound queue, in alphabetical order. */
    public List<String> sending() {
        return byKey.values().stream().filter(ChannelType::sends).map(ChannelType::key).toList();
    }

    /** Whether the hub answers customers on channel {@code key}. */
    public boolean answers(String key) {
        return find(key).flatMap(ChannelType::replies).isPresent();
    }

    /** The live session a conversation of channel {@code key} with this thread key is followed in, if any. */
    public Optional<String> liveSession(String key, String threadKey) {
        return find(key).flatMap(type -> type.liveSession(threadKey));
    }

    /** How replies on channel {@code key} find the customer, when the hub answers on it. */
    public Optional<ReplyAddressing> addressing(String key) {
        return find(key).flatMap(ChannelType::replies);
    }
}
