package io.omnihub.store.user;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface ApiTokenRepository extends JpaRepository<ApiToken, Long> {

    Optional<ApiToken> findByTokenHash(String tokenHash);

    List<ApiToken> findByUserIdOrderByIdAsc(Long userId);

    /** Records use at most once a minute per token, so authentication stays a read. */
    @Modifying
    @Query(value = """
            update api_token set last_used_at = :now
             where id = :id and (last_used_at is null or last_used_at < cast(:now as timestamptz) - interval '1 minute')""",
            nativeQuery = true)
    int touch(Long id, Instant now);
}
