package io.omnihub.store.customer;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface CustomerRepository extends JpaRepository<Customer, Long> {

    /** The customer with this ERP customer number (unique). */
    Optional<Customer> findByErpNumber(String erpNumber);
}
