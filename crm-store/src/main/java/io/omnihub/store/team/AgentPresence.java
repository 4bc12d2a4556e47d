package io.omnihub.store.team;

import io.omnihub.store.NotFound;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * An agent's presence: ONLINE agents get new conversations (within their capacity) and make a chat
 * inbox "online" for visitors; BUSY, AWAY and OFFLINE do not. Set from the console's header or the API.
 */
@Component
public class AgentPresence {

    public enum Status { ONLINE, BUSY, AWAY, OFFLINE }

    private final JdbcTemplate jdbc;

    AgentPresence(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void set(String username, Status status) {
        if (jdbc.update("""
                insert into agent_presence (user_id, status) select id, ? from app_user where username = ?
                on conflict (user_id) do update set status = excluded.status, changed_at = now()""",
                status.name(), username) == 0) {
            throw new NotFound("there is no user " + username);
        }
    }

    /** The agent's presence; OFFLINE when never set. */
    public Status of(String username) {
        return jdbc.queryForList("""
                select p.status from agent_presence p join app_user u on u.id = p.user_id where u.username = ?""",
                String.class, username).stream().findFirst().map(Status::valueOf).orElse(Status.OFFLINE);
    }

    /** Whether an enabled agent is ONLINE: in the team, or anywhere when {@code teamId} is null. */
    public boolean anyoneOnline(Long teamId) {
        Integer online = teamId == null
                ? jdbc.queryForObject("""
                        select count(*) from agent_presence p join app_user u on u.id = p.user_id and u.enabled
                         where p.status = 'ONLINE'""", Integer.class)
                : jdbc.queryForObject("""
                        select count(*) from team_member m join app_user u on u.id = m.user_id and u.enabled
                          join agent_presence p on p.user_id = u.id and p.status = 'ONLINE'
                         where m.team_id = ?""", Integer.class, teamId);
        return online != null && online > 0;
    }
}
