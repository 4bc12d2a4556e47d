package io.omnihub.store.customer;

/** The kinds of address a customer can be reached at. */
public enum ContactPointType {
    EMAIL,
    /** A phone number in E.164 form. */
    PHONE,
    /** A web-chat visitor id, signed by the hub. */
    CHAT_VISITOR,
    /** An identifier another system knows the customer by. */
    EXTERNAL
}
