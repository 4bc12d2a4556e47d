package io.omnihub.connectors.bus;

/** The bus could not take a message durably; nothing was acknowledged to the source. */
public class BusUnavailableException extends RuntimeException {

    public BusUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
