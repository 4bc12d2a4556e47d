package io.omnihub.routes.correlation;

import io.omnihub.connectors.bus.InboundInteraction;

/**
 * What a delivery report (a bounce, flagged {@code BOUNCE} by its channel) changes before it is kept
 * out of the inbox: implemented by the channel that sends what bounces (email).
 */
public interface DeliveryReports {

    /** Applies the report in the recording transaction; returns what it changed, in words for the quarantine. */
    String apply(InboundInteraction report);
}
