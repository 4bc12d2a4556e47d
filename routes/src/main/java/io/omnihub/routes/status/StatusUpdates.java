package io.omnihub.routes.status;

import io.omnihub.connectors.bus.StatusUpdate;
import io.omnihub.routes.errors.PermanentFailure;
import io.omnihub.store.held.HeldItems;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies each status report from {@code hub.status} in one database transaction, by its kind's
 * handler (each channel's slice brings its own: SMS delivery reports, chat receipts, call progress); a report of
 * a kind no one applies is held with the reason. A report that was held and sent back
 * by an agent writes its outcome on the held item.
 */
@Service
public class StatusUpdates {

    private final Map<String, StatusUpdateHandler> handlers = new HashMap<>();
    private final HeldItems heldItems;

    StatusUpdates(List<StatusUpdateHandler> handlers, HeldItems heldItems) {
        handlers.forEach(handler -> {
            if (this.handlers.put(handler.kind(), handler) != null) {
                throw new IllegalStateException("two handlers for status reports of kind " + handler.kind());
            }
        });
        this.heldItems = heldItems;
    }

    /** @return the interaction the report changed, or null */
    @Transactional
    public Long apply(StatusUpdate update, Long heldItemId) {
        StatusUpdateHandler handler = handlers.get(update.kind());
        if (handler == null) {
            throw new PermanentFailure("no one applies status reports of kind " + update.kind());
        }
        Long changed = handler.apply(update);
        if (heldItemId != null) {
            heldItems.recorded(heldItemId, changed);
        }
        return changed;
    }
}
