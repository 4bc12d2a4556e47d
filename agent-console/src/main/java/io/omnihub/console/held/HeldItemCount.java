package io.omnihub.console.held;

import io.omnihub.console.security.InboxAccess;
import io.omnihub.store.held.HeldItems;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** How many held items wait for someone, for the console's header on every inbox page. */
@ControllerAdvice(basePackages = "io.omnihub.console.web")
class HeldItemCount {

    private final HeldItems items;
    private final InboxAccess access;

    HeldItemCount(HeldItems items, InboxAccess access) {
        this.items = items;
        this.access = access;
    }

    /** The items the viewer may see: not those of restricted inboxes none of their teams works. */
    @ModelAttribute("heldCount")
    long heldCount(java.security.Principal viewer) {
        return viewer == null ? 0 : items.countHeld(access.hiddenInboxKeys(viewer));
    }
}
