package io.omnihub.console.canned;

import java.security.Principal;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.omnihub.store.canned.CannedResponseLibrary;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

@RestController
@Tag(name = "Canned responses", description = "Prepared replies with merge fields, kept by supervisors")
class CannedResponseController {

    /**
     * @param shortcut what agents pick it by: lower-case letters, digits, '-'
     * @param body     the text, with merge fields such as {{customer.firstName|there}}
     * @param team     the key of the team it is for; omitted, everyone's
     */
    record CannedRequest(@NotBlank String shortcut, @NotBlank @Size(max = 200) String title,
            @NotBlank @Size(max = 20_000) String body, String team) {
    }

    private final CannedResponses canned;

    CannedResponseController(CannedResponses canned) {
        this.canned = canned;
    }

    @GetMapping("/api/v1/canned-responses")
    @Operation(summary = "The canned responses offered to me", description = "Everyone's and my teams' "
            + "(supervisors and administrators: all). Merge fields: " + "customer.name, customer.firstName, "
            + "customer.email, customer.phone, customer.erpNumber, agent.name, conversation.id, conversation.subject, "
            + "inbox.name; {{field|fallback}} for a value the customer does not have.")
    List<CannedResponseLibrary.Canned> list(Principal me) {
        return canned.offeredTo(me);
    }

    @PostMapping("/api/v1/canned-responses")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
    @Operation(summary = "Add a canned response (supervisors, administrators)",
            description = "400 names unknown merge fields; 409 when the shortcut is taken.")
    CannedResponseLibrary.Canned create(@Valid @RequestBody CannedRequest request, Principal me) {
        return canned.save(null, request.shortcut(), request.title(), request.body(), request.team(), me);
    }

    @PutMapping("/api/v1/canned-responses/{cannedId}")
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
    @Operation(summary = "Change a canned response (supervisors, administrators)")
    CannedResponseLibrary.Canned update(@PathVariable long cannedId, @Valid @RequestBody CannedRequest request,
            Principal me) {
        return canned.save(cannedId, request.shortcut(), request.title(), request.body(), request.team(), me);
    }

    @DeleteMapping("/api/v1/canned-responses/{cannedId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
    @Operation(summary = "Remove a canned response (supervisors, administrators)")
    void delete(@PathVariable long cannedId, Principal me) {
        canned.delete(cannedId, me);
    }

    @GetMapping("/api/v1/conversations/{id}/canned-responses/{shortcut}")
    @Operation(summary = "A canned response filled for this conversation",
            description = "The text to put in a reply, its merge fields filled with this customer's and my values.")
    Map<String, String> rendered(@PathVariable long id, @PathVariable String shortcut, Principal me) {
        return Map.of("shortcut", shortcut, "text", canned.render(id, shortcut, me));
    }
}
