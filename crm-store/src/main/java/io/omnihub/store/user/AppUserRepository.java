package io.omnihub.store.user;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface AppUserRepository extends JpaRepository<AppUser, Long> {

    Optional<AppUser> findByUsername(String username);

    /** The id of the user with this name (unique), without loading the user. */
    @Query(value = "select id from app_user where username = :username", nativeQuery = true)
    Optional<Long> findIdByUsername(String username);
}
