package io.omnihub.store.team;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface TeamRepository extends JpaRepository<Team, Long> {

    Optional<Team> findByKey(String key);

    /** The id of the team with this key (unique), without loading the team. */
    @Query(value = "select id from team where key = :key", nativeQuery = true)
    Optional<Long> findIdByKey(String key);

    List<Team> findAllByOrderByKeyAsc();

    List<Team> findAllByOrderByNameAscKeyAsc();
}
