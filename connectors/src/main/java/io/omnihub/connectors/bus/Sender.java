package io.omnihub.connectors.bus;

import java.util.List;

/**
 * Who an inbound interaction is from: the name they gave and every address they gave. The first
 * address is the one they wrote from (the reply address); the others are extra contact details.
 */
public record Sender(String name, List<Address> addresses) {

    public Sender {
        addresses = addresses == null ? List.of() : List.copyOf(addresses);
    }

    public Address primary() {
        return addresses.isEmpty() ? null : addresses.get(0);
    }
}
