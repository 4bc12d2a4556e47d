package io.omnihub.store.inbox;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface InboxRepository extends JpaRepository<Inbox, Long> {

    Optional<Inbox> findByKey(String key);
}
