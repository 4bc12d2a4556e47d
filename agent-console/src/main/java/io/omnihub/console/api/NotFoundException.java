package io.omnihub.console.api;

/** The thing asked for does not exist (or the caller may not know it does): answered 404. */
public class NotFoundException extends io.omnihub.store.NotFound {

    public NotFoundException(String message) {
        super(message);
    }
}
