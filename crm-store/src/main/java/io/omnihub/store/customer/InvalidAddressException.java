package io.omnihub.store.customer;

/** An address that cannot be read as the type it claims to be. */
public class InvalidAddressException extends IllegalArgumentException {

    public InvalidAddressException(String message) {
        super(message);
    }
}
