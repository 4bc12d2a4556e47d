package io.omnihub.connectors.email;

/**
 * The place a mail's files go could not take one (the blob store is unreachable): the mail cannot
 * be imported now and must be read again later; unlike a part that cannot be read, it is never
 * skipped.
 */
final class SinkFailure extends RuntimeException {

    SinkFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
