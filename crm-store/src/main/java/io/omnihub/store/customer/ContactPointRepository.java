package io.omnihub.store.customer;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ContactPointRepository extends JpaRepository<ContactPoint, Long> {

    Optional<ContactPoint> findByTypeAndValue(ContactPointType type, String value);

    List<ContactPoint> findByCustomerIdOrderByIdAsc(Long customerId);

    @Query("select c from ContactPoint c where c.customerId in :customerIds order by c.customerId, c.id")
    List<ContactPoint> findByCustomerIds(Collection<Long> customerIds);
}
