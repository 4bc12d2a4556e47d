package io.omnihub.store.quarantine;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface QuarantineRepository extends JpaRepository<QuarantinedSubmission, Long> {

    boolean existsByInboxIdAndChannelAndExternalId(Long inboxId, String channel, String externalId);

    List<QuarantinedSubmission> findTop100ByOrderByIdDesc();
}
