package io.omnihub.routes.errors;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;
import org.apache.camel.InvalidPayloadException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells the kinds of failure apart, for the error policy:
 * <ul>
 *   <li><b>permanent</b>: the message can never be recorded as it is (it is not readable, names an
 *       unknown inbox, holds a value the database refuses): held at once, never retried blindly;</li>
 *   <li><b>outage</b>: a dependency (PostgreSQL, a server) is unreachable: the message waits, however
 *       long the outage lasts, without counting against its attempts;</li>
 *   <li>everything else: retried a bounded number of times, then held with the last reason.</li>
 * </ul>
 */
public final class FailureKinds {

    /**
     * PostgreSQL SQLSTATEs that no retry can change: data exceptions (class 22: a NUL byte, an invalid
     * byte sequence, a value too long), NOT NULL and CHECK violations, and program limits (an index
     * row too large).
     */
    private static final Set<String> PERMANENT_STATES = Set.of("23502", "23514", "54000");

    private FailureKinds() {
    }

    public static boolean permanent(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PermanentFailure || t instanceof JsonProcessingException
                    || t instanceof InvalidPayloadException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("22") || PERMANENT_STATES.contains(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    public static boolean outage(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CannotCreateTransactionException || t instanceof DataAccessResourceFailureException
                    || t instanceof TransientDataAccessResourceException || t instanceof SQLTransientConnectionException
                    || t instanceof ConnectException || t instanceof NoRouteToHostException
                    || t instanceof UnknownHostException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P")
                            || sql.getSQLState().startsWith("53"))) {
                return true;
            }
        }
        return false;
    }

    /** The innermost message worth showing an agent: the database's own words rather than a wrapper's. */
    public static String reason(Throwable failure) {
        String reason = null;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                reason = t.getMessage();
            }
            if (t instanceof PermanentFailure || t instanceof SQLException) {
                break;
            }
        }
        return reason == null ? failure.getClass().getSimpleName() : reason.strip();
    }
}
