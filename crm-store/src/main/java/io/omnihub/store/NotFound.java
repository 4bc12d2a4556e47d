package io.omnihub.store;

/** What a command names does not exist: the API answers 404 with the message. */
public class NotFound extends RuntimeException {

    public NotFound(String message) {
        super(message);
    }
}
