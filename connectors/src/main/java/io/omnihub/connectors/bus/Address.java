package io.omnihub.connectors.bus;

import java.util.Locale;
import java.util.Objects;

/** A typed address, already normalized by the connector (see {@link AddressNormalizer}). */
public record Address(AddressType type, String value) {

    public Address {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(value, "value");
    }

    public static Address email(String value) {
        return new Address(AddressType.EMAIL, value);
    }

    public static Address phone(String value) {
        return new Address(AddressType.PHONE, value);
    }

    /** {@code email:ana@example.com}: the bus message-group id, so one sender is processed in order. */
    public String key() {
        return type.name().toLowerCase(Locale.ROOT) + ":" + value;
    }
}
