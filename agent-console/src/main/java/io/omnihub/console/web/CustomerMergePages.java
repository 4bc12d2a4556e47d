package io.omnihub.console.web;

import java.security.Principal;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.omnihub.store.customer.ContactPoint;
import io.omnihub.store.customer.ContactPointNormalizer;
import io.omnihub.store.customer.ContactPointRepository;
import io.omnihub.store.customer.ContactPointType;
import io.omnihub.store.customer.CustomerMerges;
import io.omnihub.store.customer.InvalidAddressException;

/**
 * Merging customers from the conversation page's customer panel (supervisors and administrators):
 * another customer, named by id, email address or phone number, is merged into this one; a merge
 * is undone with one button. Both are audited ({@link CustomerMerges}).
 */
@Controller
class CustomerMergePages {

    private final CustomerMerges merges;
    private final ContactPointRepository contactPoints;
    private final ContactPointNormalizer normalizer;

    CustomerMergePages(CustomerMerges merges, ContactPointRepository contactPoints, ContactPointNormalizer normalizer) {
        this.merges = merges;
        this.contactPoints = contactPoints;
        this.normalizer = normalizer;
    }

    @PostMapping("/console/customers/{id}/merge")
    String merge(@PathVariable long id, @RequestParam String other, @RequestParam long back, Principal actor,
            RedirectAttributes redirect) {
        try {
            long otherId = customerNamedBy(other.strip());
            merges.merge(id, otherId, actor.getName());
            redirect.addFlashAttribute("notice", "Customer " + otherId + " merged into this customer (undo below).");
        } catch (CustomerMerges.MergeRefusedException | IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/console/conversations/" + back;
    }

    @PostMapping("/console/customer-merges/{mergeId}/undo")
    String undo(@PathVariable long mergeId, @RequestParam long back, Principal actor, RedirectAttributes redirect) {
        try {
            merges.unmerge(mergeId, actor.getName());
            redirect.addFlashAttribute("notice", "Merge undone: both customers are as they were.");
        } catch (CustomerMerges.MergeRefusedException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/console/conversations/" + back;
    }

    private long customerNamedBy(String other) {
        if (other.matches("\\d{1,18}")) {
            return Long.parseLong(other);
        }
        try {
            ContactPointType type = other.contains("@") ? ContactPointType.EMAIL : ContactPointType.PHONE;
            var address = normalizer.normalize(type, other);
            return contactPoints.findByTypeAndValue(address.type(), address.value()).map(ContactPoint::getCustomerId)
                    .orElseThrow(() -> new IllegalArgumentException("no customer has the contact point " + other));
        } catch (InvalidAddressException e) {
            throw new IllegalArgumentException("'" + other + "' is neither a customer id, an email address nor a "
                    + "phone number: " + e.getMessage());
        }
    }
}
