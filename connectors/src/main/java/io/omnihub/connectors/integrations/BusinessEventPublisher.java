package io.omnihub.connectors.integrations;

/** Where business events go: onto the matching customer's timeline, or the unmatched list. */
public interface BusinessEventSink {

    /** Records one event durably before returning. */
    BusinessEvent.Outcome record(BusinessEvent event);
}
