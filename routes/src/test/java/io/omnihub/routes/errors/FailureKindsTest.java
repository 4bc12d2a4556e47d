package io.omnihub.routes.errors;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.CannotCreateTransactionException;

class FailureKindsTest {

    private static SQLException state(String sqlState, String message) {
        return new SQLException(message, sqlState);
    }

    @Test
    void valuesTheDatabaseRefusesArePermanentWhateverWrapsThem() {
        assertThat(FailureKinds.permanent(new DataIntegrityViolationException("could not execute statement",
                state("22021", "invalid byte sequence for encoding \"UTF8\": 0x00")))).isTrue();
        assertThat(FailureKinds.permanent(new RuntimeException(state("22P05", "unsupported Unicode escape")))).isTrue();
        assertThat(FailureKinds.permanent(new RuntimeException(state("23502", "null value in column")))).isTrue();
        assertThat(FailureKinds.permanent(new RuntimeException(state("54000", "index row size exceeds")))).isTrue();
        assertThat(FailureKinds.permanent(new PermanentFailure("unknown inbox"))).isTrue();
    }

    @Test
    void raceAndRaisedErrorsAreRetriedNotPermanent() {
        assertThat(FailureKinds.permanent(new RuntimeException(state("23505", "duplicate key")))).isFalse();
        assertThat(FailureKinds.permanent(new RuntimeException(state("40P01", "deadlock detected")))).isFalse();
        assertThat(FailureKinds.permanent(new RuntimeException(state("P0001", "simulated crash")))).isFalse();
        assertThat(FailureKinds.outage(new RuntimeException(state("P0001", "simulated crash")))).isFalse();
    }

    @Test
    void unreachableDependenciesAreOutagesNotCountedAgainstTheMessage() {
        assertThat(FailureKinds.outage(new CannotCreateTransactionException("no connection",
                new ConnectException("refused")))).isTrue();
        assertThat(FailureKinds.outage(new RuntimeException(state("08006", "connection failure")))).isTrue();
        assertThat(FailureKinds.outage(new RuntimeException(state("57P01", "terminating connection")))).isTrue();
        assertThat(FailureKinds.outage(new IllegalStateException("bug"))).isFalse();
    }

    @Test
    void theReasonIsTheDatabasesOwnWordsNotTheWrappers() {
        assertThat(FailureKinds.reason(new DataIntegrityViolationException("could not execute statement [x]",
                state("23502", "null value in column \"file_name\"")))).isEqualTo("null value in column \"file_name\"");
        assertThat(FailureKinds.reason(new IllegalStateException())).isEqualTo("IllegalStateException");
    }
}
