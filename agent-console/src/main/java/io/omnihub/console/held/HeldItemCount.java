package io.omnihub.console.held;

import io.omnihub.store.held.HeldItems;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** How many held items wait for someone, for the console's header on every inbox page. */
@ControllerAdvice(basePackages = "io.omnihub.console.web")
class HeldItemCount {

    private final HeldItems items;

    HeldItemCount(HeldItems items) {
        this.items = items;
    }

    @ModelAttribute("heldCount")
    long heldCount() {
        return items.heldPerQueue().values().stream().mapToLong(Long::longValue).sum();
    }
}
