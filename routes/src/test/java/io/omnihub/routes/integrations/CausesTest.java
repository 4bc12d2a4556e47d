package io.omnihub.routes.integrations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import org.junit.jupiter.api.Test;

class CausesTest {

    @Test
    void aRefusedConnectionWithoutAMessageIsNamedNotNull() {
        // java.net.http answers an unreachable server with a ConnectException whose message is null
        String said = Causes.describe(new ConnectException(), "the ERP (sap)");
        assertThat(said).isEqualTo("the ERP (sap) refused the connection (is it running, is the address right?)")
                .doesNotContain("null");
        assertThat(Causes.describe(new IOException(new ConnectException()), "the ERP (sap)"))
                .contains("refused the connection");
    }

    @Test
    void timeoutsAndOtherFailuresSayWhatHappened() {
        assertThat(Causes.describe(new HttpTimeoutException("request timed out"), "SAP"))
                .isEqualTo("SAP did not answer in time");
        assertThat(Causes.describe(new IOException("SAP gave no CSRF token (status 500)"), "SAP"))
                .isEqualTo("SAP could not be asked (IOException: SAP gave no CSRF token (status 500))");
        assertThat(Causes.describe(new IllegalStateException(), "SAP")).isEqualTo(
                "SAP could not be asked (IllegalStateException)");
    }
}
