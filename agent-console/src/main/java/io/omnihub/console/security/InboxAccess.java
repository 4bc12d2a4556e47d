package io.omnihub.console.security;

import java.security.Principal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

import io.omnihub.store.conversation.ConversationFilter.Visibility;
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

    private final JdbcTemplate jdbc;

    InboxAccess(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** What the viewer may see in lists; null when they see everything. */
    public Visibility visibility(Principal viewer) {
        if (seesEverything(viewer)) {
            return null;
        }
        Set<Long> teams = new HashSet<>(jdbc.queryForList("""
                select m.team_id from team_member m join app_user u on u.id = m.user_id where u.username = ?""",
                Long.class, viewer.getName()));
        List<Long> hidden = jdbc.queryForList("""
                select i.id from inbox i where i.restricted and (i.team_id is null or i.team_id not in (
                    select m.team_id from team_member m join app_user u on u.id = m.user_id where u.username = ?))""",
                Long.class, viewer.getName());
        return new Visibility(Set.copyOf(hidden), teams);
    }

    /** The keys of the restricted inboxes the viewer may not see (none when they see everything). */
    public Set<String> hiddenInboxKeys(Principal viewer) {
        if (seesEverything(viewer)) {
            return Set.of();
        }
        return Set.copyOf(jdbc.queryForList("""
                select i.key from inbox i where i.restricted and (i.team_id is null or i.team_id not in (
                    select m.team_id from team_member m join app_user u on u.id = m.user_id where u.username = ?))""",
                String.class, viewer.getName()));
    }

    /** Refuses (403, saying why) a viewer outside the conversation's restricted inbox. */
    public void require(long conversationId, Principal viewer) {
        if (seesEverything(viewer)) {
            return;
        }
        String inbox = refusal(conversationId, viewer);
        if (inbox != null) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "conversation " + conversationId
                    + " is in the restricted inbox '" + inbox + "', which none of your teams works");
        }
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
        Boolean hidden = jdbc.queryForObject("""
                select exists (select 1 from conversation c where c.customer_id = ?)
                   and not exists (select 1 from conversation c join inbox i on i.id = c.inbox_id
                                    where c.customer_id = ? and (not i.restricted or exists (
                                        select 1 from team_member m join app_user u on u.id = m.user_id
                                         where u.username = ? and (m.team_id = i.team_id or m.team_id = c.team_id))))""",
                Boolean.class, customerId, customerId, viewer.getName());
        if (Boolean.TRUE.equals(hidden)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "customer " + customerId
                    + " is known only in restricted inboxes which none of your teams works");
        }
    }

    /** The restricted inbox keeping the viewer out, or null when they may see the conversation (or it does not exist). */
    private String refusal(long conversationId, Principal viewer) {
        return jdbc.queryForList("""
                select i.key from conversation c join inbox i on i.id = c.inbox_id
                 where c.id = ? and i.restricted and not exists (
                     select 1 from team_member m join app_user u on u.id = m.user_id
                      where u.username = ? and (m.team_id = i.team_id or m.team_id = c.team_id))""",
                String.class, conversationId, viewer.getName()).stream().findFirst().orElse(null);
    }

    private static boolean seesEverything(Principal viewer) {
        if (!(viewer instanceof Authentication authentication)) {
            return false;
        }
        return authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .anyMatch(SEE_EVERYTHING::contains);
    }
}
