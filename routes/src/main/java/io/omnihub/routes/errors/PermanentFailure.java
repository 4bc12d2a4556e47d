package io.omnihub.routes.errors;

/**
 * A message that can never succeed as it is (invalid payload, unknown inbox): it is parked in
 * its queue's dead-letter queue with this reason at once, without retries.
 */
public class PermanentFailure extends RuntimeException {

    public PermanentFailure(String reason) {
        super(reason);
    }

    public PermanentFailure(String reason, Throwable cause) {
        super(reason, cause);
    }
}
