package io.omnihub.store.secret;

import java.security.SecureRandom;
import java.util.Base64;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Secrets generated once and kept in the database, the same for every hub node. */
@Repository
public class HubSecrets {

    private final JdbcTemplate jdbc;

    public HubSecrets(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The named secret, generated (32 random bytes) by whichever node asks first. */
    @Transactional
    public String getOrCreate(String name) {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        jdbc.update("insert into hub_secret (name, value) values (?, ?) on conflict do nothing", name,
                Base64.getUrlEncoder().withoutPadding().encodeToString(random));
        return jdbc.queryForObject("select value from hub_secret where name = ?", String.class, name);
    }
}
