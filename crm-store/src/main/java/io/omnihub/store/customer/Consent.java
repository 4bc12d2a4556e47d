package io.omnihub.store.customer;

/** Whether a contact point may be messaged (SMS opt-out and the like). */
public enum Consent {
    UNKNOWN,
    OPTED_IN,
    OPTED_OUT
}
