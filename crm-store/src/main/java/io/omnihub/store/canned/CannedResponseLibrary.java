package io.omnihub.store.canned;

import io.omnihub.store.NotFound;
import io.omnihub.store.Refused;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The canned responses kept in the store: everyone's, and each team's. */
@Component
public class CannedResponseLibrary {

    /** One canned response; {@code team} is the key of the team it is for, or null for everyone. */
    public record Canned(Long id, String shortcut, String title, String body, String team) {
    }

    private final JdbcTemplate jdbc;

    CannedResponseLibrary(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Everyone's responses and those of the teams the user is a member of; every one when {@code all}. */
    public List<Canned> offeredTo(String username, boolean all) {
        return jdbc.query("""
                select r.id, r.shortcut, r.title, r.body, t.key from canned_response r left join team t on t.id = r.team_id
                 where ? or r.team_id is null or r.team_id in (
                     select m.team_id from team_member m join app_user u on u.id = m.user_id where u.username = ?)
                 order by r.shortcut""",
                (rs, n) -> new Canned(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)),
                all, username);
    }

    /**
     * Adds a response ({@code id} null) or changes one; returns its id.
     *
     * @throws Refused when another response has the shortcut
     * @throws NotFound when there is no response {@code id}
     */
    @Transactional
    public long save(Long id, String shortcut, String title, String body, Long teamId, String author, Instant at) {
        try {
            if (id == null) {
                return jdbc.queryForObject("""
                        insert into canned_response (shortcut, title, body, team_id, created_by, updated_at)
                        values (?, ?, ?, ?, ?, ?) returning id""", Long.class, shortcut, title, body, teamId,
                        author, Timestamp.from(at));
            }
            if (jdbc.update("update canned_response set shortcut = ?, title = ?, body = ?, team_id = ?, "
                    + "updated_at = ? where id = ?", shortcut, title, body, teamId, Timestamp.from(at), id) == 0) {
                throw new NotFound("there is no canned response " + id);
            }
            return id;
        } catch (DuplicateKeyException e) {
            throw new Refused("the shortcut '" + shortcut + "' is taken");
        }
    }

    @Transactional
    public void delete(long id) {
        if (jdbc.update("delete from canned_response where id = ?", id) == 0) {
            throw new NotFound("there is no canned response " + id);
        }
    }
}
