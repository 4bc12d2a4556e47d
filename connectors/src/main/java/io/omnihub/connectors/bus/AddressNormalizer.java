package io.omnihub.connectors.bus;

/**
 * Brings addresses into the one form customers are matched on (the hub's identity rules), so a
 * connector can refuse bad input at the door and put normalized addresses on the bus.
 */
public interface AddressNormalizer {

    /**
     * @return the normalized address
     * @throws IllegalArgumentException with a message saying what is wrong, when it is not one
     */
    String email(String raw);

    /**
     * @return the number in E.164
     * @throws IllegalArgumentException with a message saying what is wrong, when it is not one
     */
    String phone(String raw);
}
