package io.omnihub.store.interaction;

public enum InteractionKind {
    /** A written message: e-mail, SMS, chat line. */
    MESSAGE,
    /** A web-form submission. */
    FORM_SUBMISSION,
    /** A phone call. */
    CALL,
    /** An internal note, never sent to the customer. */
    NOTE,
    /** A business event from ERP or SCM: an order, an invoice, a shipment, a return. */
    BUSINESS_EVENT
}
