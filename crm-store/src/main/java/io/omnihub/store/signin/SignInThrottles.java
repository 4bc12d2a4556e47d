package io.omnihub.store.signin;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Failed sign-ins by key ({@code pair:ana 10.0.0.7}, {@code address:10.0.0.7}, {@code user:ana}):
 * how many, and until when sign-ins are refused; and the addresses users signed in from
 * ({@code known:ana 10.0.0.7}). A count older than {@link #FORGET_AFTER} since its last failure
 * starts again from zero and is deleted; a known address is forgotten after {@link #KNOWN_FOR}.
 */
@Repository
public class SignInThrottles {

    public static final Duration FORGET_AFTER = Duration.ofMinutes(15);
    public static final Duration KNOWN_FOR = Duration.ofDays(90);

    /** A key's state: its failures and until when it is refused (null: not refused). */
    public record State(String key, int failures, Instant blockedUntil) {
    }

    private final JdbcTemplate jdbc;

    SignInThrottles(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The latest block among the keys that is still running at {@code now}. */
    @Transactional(readOnly = true)
    public Optional<State> blocked(List<String> keys, Instant now) {
        return jdbc.query(con -> {
            var statement = con.prepareStatement("select key, failures, blocked_until from sign_in_throttle "
                    + "where key = any(?) and blocked_until > ? order by blocked_until desc limit 1");
            statement.setArray(1, con.createArrayOf("text", keys.toArray(String[]::new)));
            statement.setTimestamp(2, Timestamp.from(now));
            return statement;
        }, (rs, n) -> new State(rs.getString(1), rs.getInt(2), rs.getTimestamp(3).toInstant())).stream().findFirst();
    }

    /** Counts a failure for the key; returns its count (1 after a quiet period). */
    @Transactional
    public int failed(String key, Instant now) {
        return jdbc.queryForObject("""
                insert into sign_in_throttle (key, failures, counted_at) values (?, 1, ?)
                on conflict (key) do update set
                    failures = case when sign_in_throttle.counted_at < ? then 1 else sign_in_throttle.failures + 1 end,
                    blocked_until = case when sign_in_throttle.counted_at < ? then null
                                         else sign_in_throttle.blocked_until end,
                    counted_at = excluded.counted_at
                returning failures""", Integer.class, key, Timestamp.from(now),
                Timestamp.from(now.minus(FORGET_AFTER)), Timestamp.from(now.minus(FORGET_AFTER)));
    }

    /** Notes a sign-in that worked from this key (a known address of the user); at most hourly a write. */
    @Transactional
    public void signedIn(String knownKey, Instant now) {
        jdbc.update("""
                insert into sign_in_throttle (key, failures, counted_at) values (?, 0, ?)
                on conflict (key) do update set counted_at = excluded.counted_at
                 where sign_in_throttle.counted_at < ?""", knownKey, Timestamp.from(now),
                Timestamp.from(now.minus(Duration.ofHours(1))));
    }

    /** Whether the key was noted by {@link #signedIn} within {@link #KNOWN_FOR}. */
    @Transactional(readOnly = true)
    public boolean known(String knownKey, Instant now) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from sign_in_throttle where key = ? and counted_at > ?)", Boolean.class,
                knownKey, Timestamp.from(now.minus(KNOWN_FOR))));
    }

    /** Deletes counts nobody needs any more: failures long past, addresses not signed in from for long. */
    @Transactional
    public int forgetOld(Instant now) {
        return jdbc.update("""
                delete from sign_in_throttle where counted_at < ? and (key not like 'known:%' or counted_at < ?)
                   and (blocked_until is null or blocked_until < ?)""",
                Timestamp.from(now.minus(FORGET_AFTER)), Timestamp.from(now.minus(KNOWN_FOR)), Timestamp.from(now));
    }

    @Transactional
    public void blockUntil(String key, Instant until) {
        jdbc.update("update sign_in_throttle set blocked_until = ? where key = ?", Timestamp.from(until), key);
    }

    /** Forgets the keys (a successful sign-in, or an administrator clearing them); returns how many there were. */
    @Transactional
    public int clear(List<String> keys) {
        return jdbc.update(con -> {
            var statement = con.prepareStatement("delete from sign_in_throttle where key = any(?)");
            statement.setArray(1, con.createArrayOf("text", keys.toArray(String[]::new)));
            return statement;
        });
    }

    /** Forgets every failure count of a user, at whatever address (their known addresses stay). */
    @Transactional
    public int clearUser(String username) {
        return jdbc.update("delete from sign_in_throttle where key = ? or key like ?", "user:" + username,
                "pair:" + username.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + " %");
    }
}
