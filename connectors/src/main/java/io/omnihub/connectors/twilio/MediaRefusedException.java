package io.omnihub.connectors.twilio;

/** A media file that will never be fetched: its address, size or type is not allowed. Not retried. */
public class MediaRefusedException extends Exception {

    public MediaRefusedException(String message) {
        super(message);
    }
}
