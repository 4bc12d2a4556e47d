package io.omnihub.store.integration;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Where the hub is in each polled business-event feed: the feed's cursor (moved on only once the
 * events before it are on the bus), when it was polled last, and why the last poll failed.
 */
@Component
public class FeedCursors {

    private final JdbcTemplate jdbc;

    FeedCursors(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The feed's cursor, or null before its first page. */
    public String cursor(String feed) {
        jdbc.update("insert into business_event_poll (name) values (?) on conflict do nothing", feed);
        return jdbc.queryForObject("select cursor from business_event_poll where name = ?", String.class, feed);
    }

    public void advanced(String feed, String cursor) {
        jdbc.update("update business_event_poll set cursor = ?, polled_at = now(), last_error = null where name = ?",
                cursor, feed);
    }

    public void polled(String feed) {
        jdbc.update("update business_event_poll set polled_at = now(), last_error = null where name = ?", feed);
    }

    public void failed(String feed, String error) {
        jdbc.update("update business_event_poll set polled_at = now(), last_error = ? where name = ?", error, feed);
    }
}
