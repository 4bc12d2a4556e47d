package io.omnihub.store.inbox;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface InboxRepository extends JpaRepository<Inbox, Long> {

    Optional<Inbox> findByKey(String key);

    /** The id of the inbox with this key (unique), without loading the inbox. */
    @org.springframework.data.jpa.repository.Query(value = "select id from inbox where key = :key", nativeQuery = true)
    Optional<Long> findIdByKey(String key);

    /** Creates the inbox a configuration names, unless another node did first. */
    @org.springframework.transaction.annotation.Transactional
    @org.springframework.data.jpa.repository.Modifying
    @org.springframework.data.jpa.repository.Query(value = "insert into inbox (key, channel, name) values (:key, "
            + ":channel, :name) on conflict (key) do nothing", nativeQuery = true)
    int createIfMissing(String key, String channel, String name);

    /** Sets the inbox's team and whether it is restricted, as configured; returns whether it changed. */
    @org.springframework.transaction.annotation.Transactional
    @org.springframework.data.jpa.repository.Modifying
    @org.springframework.data.jpa.repository.Query(value = "update inbox set team_id = :team, restricted = :restricted "
            + "where key = :key and (team_id is distinct from :team or restricted <> :restricted)", nativeQuery = true)
    int configureTeam(String key, Long team, boolean restricted);
}
