package io.omnihub.console.api;

import io.omnihub.store.inbox.Inbox;
import io.omnihub.store.inbox.InboxRepository;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/** Inbox ids to keys and back; inboxes are few and change only with configuration. */
@Component
class InboxNames {

    private final InboxRepository inboxes;
    private final Map<Long, String> keys = new ConcurrentHashMap<>();

    InboxNames(InboxRepository inboxes) {
        this.inboxes = inboxes;
    }

    String key(Long inboxId) {
        return keys.computeIfAbsent(inboxId, id -> inboxes.findById(id).map(Inbox::getKey).orElse("?"));
    }

    /** @throws IllegalArgumentException for an unknown key */
    Long id(String key) {
        return inboxes.findByKey(key).map(Inbox::getId)
                .orElseThrow(() -> new IllegalArgumentException("there is no inbox '" + key + "'"));
    }
}
