package io.omnihub.connectors.twilio;

import com.twilio.exception.ApiException;

/**
 * Twilio's REST errors: 429, 5xx and no answer at all pass; any other 4xx is final. The reason
 * always says what Twilio answered: its code and message, or, without Twilio's error body, the
 * HTTP status and the start of what came instead.
 */
public final class TwilioApiFailures {

    private TwilioApiFailures() {
    }

    /**
     * The reason to fail with, Twilio's code and message (e.g. "21211 The 'To' number … is not a valid
     * phone number"), for an error that will not go away.
     *
     * @throws IllegalStateException for an error worth retrying, for the bus to redeliver with backoff
     */
    public static String finalReason(ApiException e) {
        return finalReason(e, TwilioHttpClient.lastError());
    }

    /**
     * @param answer what Twilio answered, as the HTTP client saw it: an error without Twilio's JSON
     *               error body reaches the SDK's caller with neither status (null, or 0) nor message
     */
    static String finalReason(ApiException e, TwilioHttpClient.ErrorAnswer answer) {
        Integer status = e.getStatusCode() != null && e.getStatusCode() > 0 ? e.getStatusCode()
                : answer == null ? null : answer.status();
        String reason;
        if (e.getCode() != null || (e.getMessage() != null && e.getStatusCode() != null && e.getStatusCode() > 0)) {
            reason = (e.getCode() == null ? "" : e.getCode() + " ") + e.getMessage();
        } else {
            reason = "Twilio answered " + (status == null ? "without a status" : "HTTP " + status)
                    + " and no Twilio error"
                    + (answer == null || answer.body().isBlank() ? "" : ": " + answer.body().replaceAll("\\s+", " "));
        }
        if (status == null || status == 429 || status >= 500) {
            throw new IllegalStateException(reason, e);
        }
        return reason;
    }
}
