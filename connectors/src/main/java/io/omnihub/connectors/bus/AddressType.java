package io.omnihub.connectors.bus;

/** How to read an address on the bus. Mirrors the store's contact-point types. */
public enum AddressType {
    EMAIL,
    PHONE,
    CHAT_VISITOR,
    EXTERNAL
}
