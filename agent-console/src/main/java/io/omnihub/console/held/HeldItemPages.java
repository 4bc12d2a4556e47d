package io.omnihub.console.held;

import io.omnihub.console.security.InboxAccess;
import io.omnihub.console.web.TimeLabels;
import io.omnihub.store.customer.ContactPointNormalizer;
import io.omnihub.store.customer.ContactPointRepository;
import io.omnihub.store.customer.ContactPointType;
import io.omnihub.store.held.HeldItems;
import java.security.Principal;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The console's held items: what the hub accepted but could not put on a timeline, with what can
 * be done about each (open raw, retry, attach to a customer, discard).
 */
@Controller
class HeldItemPages {

    private final HeldItems items;
    private final HeldItemActions actions;
    private final InboxAccess access;
    private final ContactPointRepository contactPoints;
    private final ContactPointNormalizer normalizer;
    private final Clock clock;

    HeldItemPages(HeldItems items, HeldItemActions actions, InboxAccess access, ContactPointRepository contactPoints,
            ContactPointNormalizer normalizer, Clock clock) {
        this.items = items;
        this.actions = actions;
        this.access = access;
        this.contactPoints = contactPoints;
        this.normalizer = normalizer;
        this.clock = clock;
    }

    @GetMapping("/console/held")
    String list(@RequestParam(defaultValue = "HELD") String status, @RequestParam(required = false) Long before,
            Model model, Principal agent) {
        List<HeldItemView> page = items.list(HeldItemController.statuses(status), null, access.hiddenInboxKeys(agent),
                before, 50).stream()
                .map(item -> HeldItemView.of(item, actions.parsedPayload(item.id(), agent).orElse(null))).toList();
        model.addAttribute("items", page);
        model.addAttribute("status", status.toUpperCase(java.util.Locale.ROOT));
        model.addAttribute("next", page.size() == 50 ? page.get(49).id() : null);
        model.addAttribute("agent", agent.getName());
        model.addAttribute("time", new TimeLabels(clock.instant()));
        return "console/held";
    }

    @GetMapping("/console/held/{id}")
    String one(@PathVariable long id, Model model, Principal agent) {
        model.addAttribute("item", HeldItemView.of(actions.require(id, agent),
                actions.parsedPayload(id, agent).orElse(null)));
        model.addAttribute("agent", agent.getName());
        model.addAttribute("time", new TimeLabels(clock.instant()));
        return "console/held-item";
    }

    @PostMapping("/console/held/{id}/retry")
    String retry(@PathVariable long id, Principal agent, RedirectAttributes redirect) {
        return act(id, redirect, () -> {
            actions.retry(id, agent);
            return "Sent back to be processed again; it shows as recorded once it is on a timeline.";
        });
    }

    /** Attach to the customer with this id, email address or phone number. */
    @PostMapping("/console/held/{id}/attach")
    String attach(@PathVariable long id, @RequestParam String customer, Principal agent, RedirectAttributes redirect) {
        return act(id, redirect, () -> {
            long customerId = customerId(customer);
            actions.attach(id, customerId, agent);
            return "Sent to be recorded on the timeline of customer " + customerId + ".";
        });
    }

    @PostMapping("/console/held/{id}/discard")
    String discard(@PathVariable long id, @RequestParam(required = false) String note, Principal agent,
            RedirectAttributes redirect) {
        return act(id, redirect, () -> {
            actions.discard(id, note, agent);
            return "Discarded.";
        });
    }

    private long customerId(String given) {
        String value = given == null ? "" : given.strip();
        if (value.matches("\\d{1,18}")) {
            return Long.parseLong(value);
        }
        ContactPointType type = value.contains("@") ? ContactPointType.EMAIL : ContactPointType.PHONE;
        try {
            var address = normalizer.normalize(type, value);
            return contactPoints.findByTypeAndValue(address.type(), address.value())
                    .map(cp -> cp.getCustomerId())
                    .orElseThrow(() -> new IllegalArgumentException("no customer has the address " + value));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() == null || e.getMessage().isBlank()
                    ? "give a customer number, an email address or a phone number" : e.getMessage());
        }
    }

    private String act(long id, RedirectAttributes redirect, java.util.function.Supplier<String> action) {
        try {
            redirect.addFlashAttribute("notice", action.get());
        } catch (IllegalArgumentException | HeldItems.HeldItemNotOpen e) {
            redirect.addFlashAttribute("error", e.getMessage());
        } catch (ResponseStatusException e) {
            redirect.addFlashAttribute("error", e.getReason());
        }
        return "redirect:/console/held/" + id;
    }
}
