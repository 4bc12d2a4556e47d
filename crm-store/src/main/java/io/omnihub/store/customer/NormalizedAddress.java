package io.omnihub.store.customer;

import java.util.Objects;

/** A contact address in its one canonical form: the key customers are matched on. */
public record NormalizedAddress(ContactPointType type, String value) {

    public NormalizedAddress {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(value, "value");
    }

    /** The address as one string, e.g. {@code email:ana@example.com}; used as the bus group id. */
    public String key() {
        return type.name().toLowerCase(java.util.Locale.ROOT) + ":" + value;
    }
}
