package io.omnihub.routes.errors;

/**
 * A message that arrived before what it refers to (a delivery report overtaking the commit of the
 * send it reports on): delivered again a moment later, quietly; on the last delivery it is let go
 * with one log line, because what it refers to never existed here.
 */
public class Premature extends RuntimeException {

    public Premature(String reason) {
        super(reason);
    }
}
