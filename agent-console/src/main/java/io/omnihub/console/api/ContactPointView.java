package io.omnihub.console.api;

import io.omnihub.store.customer.ContactPoint;

/** One address of a customer, with what the hub knows about it. */
public record ContactPointView(String type, String value, boolean verified, String consent, boolean bouncing,
        String source) {

    static ContactPointView of(ContactPoint cp) {
        return new ContactPointView(cp.getType().name(), cp.getValue(), cp.isVerified(), cp.getConsent().name(),
                cp.isBouncing(), cp.getSource());
    }
}
