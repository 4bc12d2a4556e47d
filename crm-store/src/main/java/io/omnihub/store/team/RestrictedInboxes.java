package io.omnihub.store.team;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Restricted inboxes as the store knows them: a restricted inbox's conversations are for the members
 * of its team and of the team a conversation was transferred to. Who sees everything (supervisors,
 * administrators) is the caller's to decide; these answer for one user by name.
 */
@Component
public class RestrictedInboxes {

    private final JdbcTemplate jdbc;

    RestrictedInboxes(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The ids of the teams the user is a member of. */
    public Set<Long> teamsOf(String username) {
        return Set.copyOf(jdbc.queryForList("""
                select m.team_id from team_member m join app_user u on u.id = m.user_id where u.username = ?""",
                Long.class, username));
    }

    /** The ids of the restricted inboxes none of the user's teams works. */
    public Set<Long> hiddenInboxIds(String username) {
        return Set.copyOf(jdbc.queryForList("""
                select i.id from inbox i where i.restricted and (i.team_id is null or i.team_id not in (
                    select m.team_id from team_member m join app_user u on u.id = m.user_id where u.username = ?))""",
                Long.class, username));
    }

    /** The keys of the restricted inboxes none of the user's teams works. */
    public Set<String> hiddenInboxKeys(String username) {
        return Set.copyOf(jdbc.queryForList("""
                select i.key from inbox i where i.restricted and (i.team_id is null or i.team_id not in (
                    select m.team_id from team_member m join app_user u on u.id = m.user_id where u.username = ?))""",
                String.class, username));
    }

    /** The restricted inbox keeping the user out of the conversation, if one does (none when it does not exist). */
    public Optional<String> keepingOut(long conversationId, String username) {
        List<String> inbox = jdbc.queryForList("""
                select i.key from conversation c join inbox i on i.id = c.inbox_id
                 where c.id = ? and i.restricted and not exists (
                     select 1 from team_member m join app_user u on u.id = m.user_id
                      where u.username = ? and (m.team_id = i.team_id or m.team_id = c.team_id))""",
                String.class, conversationId, username);
        return inbox.stream().findFirst();
    }

    /**
     * Whether the user knows of the customer only through conversations they may not see (a customer
     * without any conversation, imported from the ERP say, is not hidden).
     */
    public boolean hidesCustomer(long customerId, String username) {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                select exists (select 1 from conversation c where c.customer_id = ?)
                   and not exists (select 1 from conversation c join inbox i on i.id = c.inbox_id
                                    where c.customer_id = ? and (not i.restricted or exists (
                                        select 1 from team_member m join app_user u on u.id = m.user_id
                                         where u.username = ? and (m.team_id = i.team_id or m.team_id = c.team_id))))""",
                Boolean.class, customerId, customerId, username));
    }
}
