package io.omnihub.console.security;

import java.security.Principal;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

import io.omnihub.store.conversation.ConversationFilter.Visibility;
import io.omnihub.store.team.RestrictedInboxes;
import io.omnihub.store.user.Role;

/**
 * Who may see a conversation: everyone, unless its inbox is restricted — then only the members of
 * the inbox's team and of the team the conversation was transferred to. Supervisors,
 * administrators and integrations see every inbox.
 */
@Component
public class InboxAccess {

    private static final Set<String> SEE_EVERYTHING = Set.of("ROLE_" + Role.SUPERVISOR.name(),
            "ROLE_" + Role.ADMIN.name(), "ROLE_" + Role.INTEGRATION.name());

    private final RestrictedInboxes restricted;

    InboxAccess(RestrictedInboxes restricted) {
        this.restricted = restricted;
    }

    /** What the viewer may see in lists; null when they see everything. */
    public Visibility visibility(Principal viewer) {
        if (seesEverything(viewer)) {
            return null;
        }
        return new Visibility(restricted.hiddenInboxIds(viewer.getName()), restricted.teamsOf(viewer.getName()));
    }

    /** The keys of the restricted inboxes the viewer may not see (none when they see everything). */
    public Set<String> hiddenInboxKeys(Principal viewer) {
        if (seesEverything(viewer)) {
            return Set.of();
        }
        return restricted.hiddenInboxKeys(viewer.getName());
    }

    /** Refuses (403, saying why) a viewer outside the conversation's restricted inbox. */
    public void require(long conversationId, Principal viewer) {
        if (seesEverything(viewer)) {
            return;
        }
        restricted.keepingOut(conversationId, viewer.getName()).ifPresent(inbox -> {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "conversation " + conversationId
                    + " is in the restricted inbox '" + inbox + "', which none of your teams works");
        });
    }

    /**
     * Refuses (403) a viewer who knows of the customer only through conversations they may not see:
     * a customer record is readable through a conversation the reader may see, or when the customer
     * has no conversation at all (for example a customer imported from the ERP).
     */
    public void requireCustomer(long customerId, Principal viewer) {
        if (seesEverything(viewer)) {
            return;
        }
        if (restricted.hidesCustomer(customerId, viewer.getName())) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "customer " + customerId
                    + " is known only in restricted inboxes which none of your teams works");
        }
    }

    private static boolean seesEverything(Principal viewer) {
        if (!(viewer instanceof Authentication authentication)) {
            return false;
        }
        return authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .anyMatch(SEE_EVERYTHING::contains);
    }
}
