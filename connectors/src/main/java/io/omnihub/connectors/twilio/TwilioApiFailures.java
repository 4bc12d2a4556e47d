package io.omnihub.connectors.twilio;

import com.twilio.exception.ApiException;

/** Twilio's REST errors: 429, 5xx and no answer at all pass; any other 4xx is final. */
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
        Integer status = e.getStatusCode();
        String reason = (e.getCode() == null ? "" : e.getCode() + " ") + e.getMessage();
        if (status == null || status == 429 || status >= 500) {
            throw new IllegalStateException(reason, e);
        }
        return reason;
    }
}
