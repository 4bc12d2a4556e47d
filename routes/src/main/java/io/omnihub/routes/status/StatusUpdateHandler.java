package io.omnihub.routes.status;

import io.omnihub.connectors.bus.StatusUpdate;

/** Applies one kind of status report to what it is about; one handler per {@link StatusUpdate#kind()}. */
public interface StatusUpdateHandler {

    String kind();

    /**
     * Called in the status transaction.
     *
     * @return the interaction the report changed, or null when it changed nothing
     * @throws io.omnihub.routes.errors.Premature when what it is about is not recorded yet (the bus
     *         delivers it again a moment later)
     */
    Long apply(StatusUpdate update);
}
