package io.omnihub.store.team;

import io.omnihub.store.NotFound;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Teams, their members, agents' capacity per channel and the routing bookkeeping (who got the last
 * conversation), for the routing API, the console and automatic assignment.
 */
@Component
public class Teams {

    /** A member who could take a conversation now: ONLINE, enabled, with their capacity and load on a channel. */
    public record Candidate(long userId, String username, int open, int capacity, Instant lastAssigned) {
    }

    private final TeamRepository teams;
    private final JdbcTemplate jdbc;

    Teams(TeamRepository teams, JdbcTemplate jdbc) {
        this.teams = teams;
        this.jdbc = jdbc;
    }

    public java.util.Optional<Team> find(String key) {
        return teams.findByKey(key);
    }

    public Team require(String key) {
        return teams.findByKey(key).orElseThrow(() -> new NotFound("there is no team " + key));
    }

    /** Creates the team or renames it. */
    @Transactional
    public Team save(String key, String name) {
        jdbc.update("insert into team (key, name) values (?, ?) on conflict (key) do update set name = excluded.name",
                key, name);
        return require(key);
    }

    /** The team with this key, created (named by its key) when configuration first mentions it. */
    @Transactional
    public long ensure(String key) {
        jdbc.update("insert into team (key, name) values (?, ?) on conflict (key) do nothing", key, key);
        return jdbc.queryForObject("select id from team where key = ?", Long.class, key);
    }

    public List<Team> all() {
        return teams.findAllByOrderByKeyAsc();
    }

    /** Every team by name, for choosing one in the console. */
    public List<Team> byName() {
        return teams.findAllByOrderByNameAscKeyAsc();
    }

    public List<String> memberNames(long teamId) {
        return jdbc.queryForList("select u.username from team_member m join app_user u on u.id = m.user_id "
                + "where m.team_id = ? order by u.username", String.class, teamId);
    }

    /** Replaces the team's members. */
    @Transactional
    public void setMembers(long teamId, List<Long> userIds) {
        jdbc.update("delete from team_member where team_id = ?", teamId);
        userIds.forEach(user -> jdbc.update("insert into team_member (team_id, user_id) values (?, ?)", teamId, user));
    }

    /** At most how many open conversations of each channel are routed to the agent. */
    public Map<String, Integer> capacity(long userId) {
        Map<String, Integer> capacity = new TreeMap<>();
        jdbc.query("select channel, max_open from agent_capacity where user_id = ?",
                rs -> { capacity.put(rs.getString(1), rs.getInt(2)); }, userId);
        return capacity;
    }

    /** Replaces the agent's capacity per channel. */
    @Transactional
    public void setCapacity(long userId, Map<String, Integer> capacity) {
        jdbc.update("delete from agent_capacity where user_id = ?", userId);
        capacity.forEach((channel, max) -> jdbc.update(
                "insert into agent_capacity (user_id, channel, max_open) values (?, ?, ?)", userId, channel, max));
    }

    /** The agent's open (not resolved) conversations per channel. */
    public Map<String, Integer> openByChannel(long userId) {
        Map<String, Integer> open = new TreeMap<>();
        jdbc.query("select channel, count(*) from conversation where assignee_id = ? and status <> 'RESOLVED' "
                + "group by channel", rs -> { open.put(rs.getString(1), rs.getInt(2)); }, userId);
        return open;
    }

    /**
     * Locks the team's routing row for this transaction (so two assignments never exceed a capacity)
     * and returns who got its last conversation, or null.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Long lockRouting(long teamId) {
        jdbc.update("insert into team_routing (team_id) values (?) on conflict do nothing", teamId);
        return jdbc.queryForObject("select last_assigned_user_id from team_routing where team_id = ? for update",
                Long.class, teamId);
    }

    /** The team's ONLINE, enabled members who have room for another conversation of the channel, by user id. */
    public List<Candidate> candidates(long teamId, String channel) {
        return jdbc.query("""
                select u.id, u.username, coalesce(cap.max_open, 0),
                       (select count(*) from conversation c where c.assignee_id = u.id and c.channel = ?
                           and c.status <> 'RESOLVED'),
                       (select max(c.assigned_at) from conversation c where c.assignee_id = u.id)
                  from team_member m
                  join app_user u on u.id = m.user_id and u.enabled
                  join agent_presence p on p.user_id = u.id and p.status = 'ONLINE'
                  left join agent_capacity cap on cap.user_id = u.id and cap.channel = ?
                 where m.team_id = ?
                 order by u.id""",
                (rs, n) -> new Candidate(rs.getLong(1), rs.getString(2), rs.getInt(4), rs.getInt(3),
                        rs.getTimestamp(5) == null ? Instant.EPOCH : rs.getTimestamp(5).toInstant()),
                channel, channel, teamId).stream().filter(c -> c.open() < c.capacity()).toList();
    }

    /** Remembers who got the team's latest conversation (round robin goes on after them). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void assigned(long teamId, long userId, Instant at) {
        jdbc.update("update team_routing set last_assigned_user_id = ?, last_assigned_at = ? where team_id = ?",
                userId, Timestamp.from(at), teamId);
    }
}
