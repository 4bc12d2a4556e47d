package io.omnihub.store;

/**
 * A command the store will not carry out as things stand (merging a conversation into itself, into
 * another customer's): the API answers 409 with the message, which says why and what to do instead.
 */
public class Refused extends RuntimeException {

    public Refused(String message) {
        super(message);
    }
}
