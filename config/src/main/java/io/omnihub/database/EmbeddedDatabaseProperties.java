package io.omnihub.database;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The embedded PostgreSQL of the default set-up, {@code omnihub.database.*}.
 *
 * @param embedded      run a real PostgreSQL inside the hub (default); {@code false} with the
 *                      {@code external} profile, which reads {@code OMNIHUB_DB_URL}
 * @param dataDirectory where its files live, kept across restarts
 * @param port          its port on localhost; 0 picks a free one
 * @param durable       fsync on commit (keep it on outside tests)
 */
@ConfigurationProperties("omnihub.database")
public record EmbeddedDatabaseProperties(@DefaultValue("true") boolean embedded,
        @DefaultValue("./data/postgres") Path dataDirectory, @DefaultValue("15432") int port,
        @DefaultValue("true") boolean durable) {
}
