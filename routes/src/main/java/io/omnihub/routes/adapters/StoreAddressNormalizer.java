package io.omnihub.routes.adapters;

import io.omnihub.connectors.bus.AddressNormalizer;
import io.omnihub.store.customer.ContactPointNormalizer;
import org.springframework.stereotype.Component;

/** Connectors normalize addresses with the same rules the store matches customers on. */
@Component
class StoreAddressNormalizer implements AddressNormalizer {

    private final ContactPointNormalizer normalizer;

    StoreAddressNormalizer(ContactPointNormalizer normalizer) {
        this.normalizer = normalizer;
    }

    @Override
    public String email(String raw) {
        return normalizer.email(raw);
    }

    @Override
    public String phone(String raw) {
        return normalizer.phone(raw);
    }
}
