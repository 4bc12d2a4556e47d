package io.omnihub.console.integrations;

import io.omnihub.console.api.NotFoundException;
import io.omnihub.store.integration.BusinessEventOutcomes;
import io.omnihub.store.integration.BusinessEventOutcomes.Outcome;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Integrations", description = "ERP and SCM systems: business events in, business events out")
class BusinessEventOutcomeController {

    private final BusinessEventOutcomes outcomes;

    BusinessEventOutcomeController(BusinessEventOutcomes outcomes) {
        this.outcomes = outcomes;
    }

    @GetMapping("/api/v1/integrations/events/{source}/{id}")
    @Operation(summary = "What became of a business event", description = "RECORDED (with the interaction and the "
            + "customer it is on), UNKNOWN_CUSTOMER or UNKNOWN_REQUEST (kept in the unmatched list, with the reason); "
            + "404 while the hub has not recorded it (never sent, or still on its way from the bus).")
    Outcome outcome(@PathVariable String source, @PathVariable String id) {
        return outcomes.of(source, id).orElseThrow(() -> new NotFoundException("business event " + id + " from "
                + source + " is not recorded (not sent, or still on its way: ask again in a moment)"));
    }
}
