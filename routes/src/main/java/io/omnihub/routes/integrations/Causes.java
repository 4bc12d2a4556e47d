package io.omnihub.routes.integrations;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;

/** Failures of calls to ERP/SCM systems in words an operator can act on: never "null". */
public final class Causes {

    private Causes() {
    }

    /** What went wrong calling {@code where}: the innermost cause that says something, with its kind. */
    public static String describe(Throwable failure, String where) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof HttpConnectTimeoutException) {
                return where + " did not accept a connection in time";
            }
            if (t instanceof HttpTimeoutException) {
                return where + " did not answer in time";
            }
            if (t instanceof ConnectException) {
                return where + " refused the connection (is it running, is the address right?)";
            }
            if (t instanceof UnknownHostException || t instanceof UnresolvedAddressException) {
                return where + "'s host name cannot be resolved";
            }
        }
        Throwable inner = failure;
        while (inner.getCause() != null && inner.getCause() != inner
                && (inner.getMessage() == null || inner.getMessage().isBlank())) {
            inner = inner.getCause();
        }
        String message = inner.getMessage() == null || inner.getMessage().isBlank() ? "" : ": " + inner.getMessage();
        return where + " could not be asked (" + inner.getClass().getSimpleName() + message + ")";
    }
}
