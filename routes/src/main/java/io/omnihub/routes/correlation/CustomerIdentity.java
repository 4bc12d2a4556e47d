package io.omnihub.routes.correlation;

import io.omnihub.connectors.bus.Address;
import io.omnihub.connectors.bus.Sender;
import io.omnihub.routes.errors.PermanentFailure;
import io.omnihub.store.customer.ContactPoint;
import io.omnihub.store.customer.ContactPointNormalizer;
import io.omnihub.store.customer.ContactPointRepository;
import io.omnihub.store.customer.ContactPointType;
import io.omnihub.store.customer.Customer;
import io.omnihub.store.customer.CustomerRepository;
import io.omnihub.store.customer.InvalidAddressException;
import io.omnihub.store.customer.NormalizedAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Finds the customer an interaction comes from by its addresses, or creates one. The first
 * address that is already known decides the customer; addresses not yet known are added to that
 * customer; addresses that belong to someone else are reported, never merged silently.
 */
@Component
class CustomerIdentity {

    private final ContactPointNormalizer normalizer;
    private final ContactPointRepository contactPoints;
    private final CustomerRepository customers;
    private final Clock clock;

    CustomerIdentity(ContactPointNormalizer normalizer, ContactPointRepository contactPoints,
            CustomerRepository customers, Clock clock) {
        this.normalizer = normalizer;
        this.contactPoints = contactPoints;
        this.customers = customers;
        this.clock = clock;
    }

    IdentityResolution resolve(Sender sender, String source) {
        List<NormalizedAddress> addresses = normalized(sender);
        List<NormalizedAddress> unknown = new ArrayList<>();
        Set<Long> owners = new LinkedHashSet<>();
        for (NormalizedAddress address : addresses) {
            Optional<ContactPoint> known = contactPoints.findByTypeAndValue(address.type(), address.value());
            known.ifPresentOrElse(cp -> owners.add(currentOwner(cp.getCustomerId())), () -> unknown.add(address));
        }
        boolean created = owners.isEmpty();
        Customer customer = created
                ? customers.save(new Customer(sender.name(), clock.instant()))
                : customers.findById(owners.iterator().next()).orElseThrow();
        customer.learnDisplayName(sender.name(), clock.instant());
        for (NormalizedAddress address : unknown) {
            contactPoints.save(new ContactPoint(customer.getId(), address, false, source, clock.instant()));
        }
        List<Long> conflicts = owners.stream().filter(id -> !id.equals(customer.getId())).toList();
        return new IdentityResolution(customer, created, conflicts);
    }

    /**
     * The customer an agent chose for a held interaction (following merges). Sender addresses that
     * can be read and belong to no one yet are added to that customer; others are left as they are.
     */
    IdentityResolution attach(long customerId, Sender sender, String source) {
        Customer customer = customers.findById(currentOwner(customerId))
                .orElseThrow(() -> new PermanentFailure("there is no customer " + customerId + " to attach it to"));
        List<Long> conflicts = new ArrayList<>();
        for (Address address : sender == null ? List.<Address>of() : sender.addresses()) {
            NormalizedAddress normalized;
            try {
                normalized = normalizer.normalize(ContactPointType.valueOf(address.type().name()), address.value());
            } catch (IllegalArgumentException unreadable) {
                continue;
            }
            contactPoints.findByTypeAndValue(normalized.type(), normalized.value()).ifPresentOrElse(cp -> {
                Long owner = currentOwner(cp.getCustomerId());
                if (!owner.equals(customer.getId())) {
                    conflicts.add(owner);
                }
            }, () -> contactPoints.save(new ContactPoint(customer.getId(), normalized, false, source, clock.instant())));
        }
        return new IdentityResolution(customer, false, conflicts);
    }

    /** Follows merges: a contact point of a merged customer belongs to the surviving one. */
    private Long currentOwner(Long customerId) {
        Long id = customerId;
        for (int hops = 0; hops < 10; hops++) {
            Long next = customers.findById(id).map(Customer::getMergedIntoId).orElse(null);
            if (next == null) {
                return id;
            }
            id = next;
        }
        return id;
    }

    private List<NormalizedAddress> normalized(Sender sender) {
        if (sender == null || sender.addresses().isEmpty()) {
            throw new PermanentFailure("the interaction names no sender address");
        }
        List<NormalizedAddress> result = new ArrayList<>();
        for (Address address : sender.addresses()) {
            try {
                NormalizedAddress normalized = normalizer.normalize(ContactPointType.valueOf(address.type().name()),
                        address.value());
                if (!result.contains(normalized)) {
                    result.add(normalized);
                }
            } catch (InvalidAddressException e) {
                throw new PermanentFailure("sender address of type " + address.type() + " is invalid: " + e.getMessage());
            }
        }
        return result;
    }
}
