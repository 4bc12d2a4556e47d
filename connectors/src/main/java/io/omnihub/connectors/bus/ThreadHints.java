package io.omnihub.connectors.bus;

import java.util.List;

/**
 * What the channel says about which thread an interaction belongs to. Each channel fills what it
 * has; the threading rules decide.
 *
 * @param inReplyTo   e-mail In-Reply-To
 * @param references  e-mail References, oldest first
 * @param threadIndex Outlook Thread-Index (base64)
 * @param channelKey  the channel's own thread key: chat session, our number + theirs, call sid
 */
public record ThreadHints(String inReplyTo, List<String> references, String threadIndex, String channelKey) {

    public static final ThreadHints NONE = new ThreadHints(null, List.of(), null, null);

    public ThreadHints {
        references = references == null ? List.of() : List.copyOf(references);
    }
}
