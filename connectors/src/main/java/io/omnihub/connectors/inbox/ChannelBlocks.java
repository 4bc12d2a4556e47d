package io.omnihub.connectors.inbox;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The settings blocks of one channel's inboxes by inbox key, in configuration order, checked when bound:
 * every inbox of the channel has the block ({@code omnihub.inboxes.<key>.<block>}) and the block passes
 * its own check, and a mistake names the property to fix.
 *
 * @param <S> the channel's settings
 */
public final class ChannelBlocks<S> {

    private final Map<String, S> byKey;

    private ChannelBlocks(Map<String, S> byKey) {
        this.byKey = Collections.unmodifiableMap(byKey);
    }

    /**
     * @param channel the channel whose inboxes are kept, e.g. {@code webform}
     * @param block   the name of its block under the inbox, e.g. {@code webform}
     * @param needs   the message's end when the block is missing: which inbox needs it and what it must at least
     *                hold, e.g. {@code "a webform inbox (at least its field mapping; see docs/configuration.md)"}
     * @param inboxes every configured inbox as the channel binds it
     * @param check   the block's own check, given the property path of the block
     */
    public static <S> ChannelBlocks<S> of(String channel, String block, String needs,
            Map<String, ? extends InboxBlock<S>> inboxes, BiConsumer<S, String> check) {
        Map<String, S> byKey = new LinkedHashMap<>();
        (inboxes == null ? Map.<String, InboxBlock<S>>of() : inboxes).forEach((key, inbox) -> {
            if (inbox == null || !channel.equals(inbox.channel())) {
                return;
            }
            String where = "omnihub.inboxes." + key + "." + block;
            if (inbox.settings() == null) {
                throw new IllegalArgumentException(where + " is required for " + needs);
            }
            check.accept(inbox.settings(), where);
            byKey.put(key, inbox.settings());
        });
        return new ChannelBlocks<>(byKey);
    }

    /**
     * Checks that wherever an inbox names one of this channel's inboxes in {@code setting} (to send its replies
     * on this channel), that inbox is one and {@code can} send.
     *
     * @param otherwise the message's end when it is not, e.g. {@code "is not an sms inbox"}
     */
    public <E> void checkNamedBy(Map<String, E> inboxes, String setting, Function<E, String> named, Predicate<S> can,
            String otherwise) {
        (inboxes == null ? Map.<String, E>of() : inboxes).forEach((key, inbox) -> {
            String sender = named.apply(inbox);
            if (sender != null && !sender.isBlank() && find(sender).filter(can).isEmpty()) {
                throw new IllegalArgumentException("omnihub.inboxes." + key + "." + setting + ": '" + sender + "' "
                        + otherwise);
            }
        });
    }

    /** The block of inbox {@code key}, when that is an inbox of this channel. */
    public Optional<S> find(String key) {
        return Optional.ofNullable(key).map(byKey::get);
    }

    /** Every inbox of this channel by key, in configuration order. */
    public Map<String, S> all() {
        return byKey;
    }
}
