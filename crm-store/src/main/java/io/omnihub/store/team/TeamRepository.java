package io.omnihub.store.team;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface TeamRepository extends JpaRepository<Team, Long> {

    Optional<Team> findByKey(String key);

    List<Team> findAllByOrderByKeyAsc();

    List<Team> findAllByOrderByNameAscKeyAsc();
}
