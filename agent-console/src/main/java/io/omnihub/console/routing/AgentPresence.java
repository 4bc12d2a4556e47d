package io.omnihub.console.routing;

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
            throw new io.omnihub.console.api.NotFoundException("there is no user " + username);
        }
    }

    /** The agent's presence; OFFLINE when never set. */
    public Status of(String username) {
        return jdbc.queryForList("""
                select p.status from agent_presence p join app_user u on u.id = p.user_id where u.username = ?""",
                String.class, username).stream().findFirst().map(Status::valueOf).orElse(Status.OFFLINE);
    }
}
