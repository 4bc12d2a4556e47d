package io.omnihub.console.api;

import io.omnihub.store.customer.CustomerMerges;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.NotNull;
import java.security.Principal;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

@RestController
@Tag(name = "Customers")
class CustomerMergeController {

    record MergeRequest(@NotNull Long merge) {
    }

    record MergeView(long mergeId, long customerId, long mergedId) {
    }

    private final CustomerMerges merges;

    CustomerMergeController(CustomerMerges merges) {
        this.merges = merges;
    }

    @PostMapping("/api/v1/customers/{id}/merge")
    @Operation(summary = "Merge another customer into this one (SUPERVISOR, ADMIN)",
            description = "Body {\"merge\": <other customer id>}. Everything of the other customer (contact points, "
                    + "conversations, interactions, tasks) moves here; it keeps a pointer here (mergedIntoId). Audited, "
                    + "and reversible with POST /api/v1/customer-merges/{mergeId}/undo.")
    MergeView merge(@PathVariable long id, @RequestBody MergeRequest request, Principal actor) {
        if (request.merge() == null) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "give the customer to merge: {\"merge\": 42}");
        }
        try {
            return new MergeView(merges.merge(id, request.merge(), actor.getName()), id, request.merge());
        } catch (CustomerMerges.MergeRefusedException e) {
            throw new ResponseStatusException(e.getMessage().startsWith("there is no") ? HttpStatus.NOT_FOUND
                    : HttpStatus.CONFLICT, e.getMessage());
        }
    }

    @PostMapping("/api/v1/customer-merges/{mergeId}/undo")
    @Operation(summary = "Undo a merge (SUPERVISOR, ADMIN)",
            description = "Both customers as they were before, with the rows each had; what reached the surviving "
                    + "customer after the merge stays with it.")
    void undo(@PathVariable long mergeId, Principal actor) {
        try {
            merges.unmerge(mergeId, actor.getName());
        } catch (CustomerMerges.MergeRefusedException e) {
            throw new ResponseStatusException(e.getMessage().startsWith("there is no") ? HttpStatus.NOT_FOUND
                    : HttpStatus.CONFLICT, e.getMessage());
        }
    }
}
