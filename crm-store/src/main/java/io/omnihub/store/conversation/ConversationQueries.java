package io.omnihub.store.conversation;

import io.omnihub.store.page.Keyset;
import java.util.List;

public interface ConversationQueries {

    /**
     * Conversations matching the filter, most recent activity first, starting after the given
     * position (exclusive); {@code after} null starts at the top.
     */
    List<Conversation> list(ConversationFilter filter, Keyset after, int limit);
}
