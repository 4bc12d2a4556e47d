package io.omnihub.connectors.webform;

import org.springframework.http.HttpStatus;

/** A post the hub refuses, with the status and a message saying what is wrong; nothing was stored. */
public class WebFormRejection extends RuntimeException {

    private final HttpStatus status;
    private final String field;

    public WebFormRejection(HttpStatus status, String message) {
        this(status, message, null);
    }

    public WebFormRejection(HttpStatus status, String message, String field) {
        super(message);
        this.status = status;
        this.field = field;
    }

    public static WebFormRejection badField(String field, String problem) {
        return new WebFormRejection(HttpStatus.BAD_REQUEST, "field '" + field + "' " + problem, field);
    }

    public HttpStatus status() {
        return status;
    }

    /** The form field at fault, when there is one. */
    public String field() {
        return field;
    }
}
