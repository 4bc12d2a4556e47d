package io.omnihub.routes.correlation;

import io.omnihub.store.customer.Customer;
import java.util.List;

/**
 * Which customer an interaction belongs to.
 *
 * @param created             the customer was seen for the first time
 * @param conflictingCustomers other customers that already own one of the addresses given; they
 *                             are not merged automatically, only reported
 */
record IdentityResolution(Customer customer, boolean created, List<Long> conflictingCustomers) {
}
