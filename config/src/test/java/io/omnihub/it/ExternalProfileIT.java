package io.omnihub.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.omnihub.OmnihubApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.security.CheckType;
import org.apache.activemq.artemis.core.security.Role;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.activemq.artemis.spi.core.security.ActiveMQSecurityManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The {@code external} profile, as docker-compose runs it: the hub connects to a PostgreSQL server
 * and a standalone Artemis broker (with authentication) given only by environment variables,
 * applies its bus topology to that broker, and carries a form post all the way to the API.
 */
class ExternalProfileIT {

    static final String BROKER_USER = "hub";
    static final String BROKER_PASSWORD = "hub-broker-secret";

    static EmbeddedPostgres postgres;
    static EmbeddedActiveMQ broker;
    static int brokerPort;

    /** Lets only the hub's broker user in, with every permission the hub needs. */
    static final class SingleUserSecurity implements ActiveMQSecurityManager {
        @Override
        public boolean validateUser(String user, String password) {
            return BROKER_USER.equals(user) && BROKER_PASSWORD.equals(password);
        }

        @Override
        public boolean validateUserAndRole(String user, String password, Set<Role> roles, CheckType checkType) {
            return validateUser(user, password);
        }
    }

    @BeforeAll
    static void startDatabaseAndBroker() throws Exception {
        Path dir = Files.createTempDirectory(Path.of("target"), "external-");
        postgres = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("postgres")).start();
        try (var connection = postgres.getPostgresDatabase().getConnection();
             var statement = connection.createStatement()) {
            statement.execute("create user omnihub password 'db-secret'");
            statement.execute("create database omnihub owner omnihub");
        }
        try (ServerSocket socket = new ServerSocket(0)) {
            brokerPort = socket.getLocalPort();
        }
        ConfigurationImpl configuration = new ConfigurationImpl();
        configuration.setPersistenceEnabled(false);
        configuration.setSecurityEnabled(true);
        configuration.setJournalDirectory(dir.resolve("artemis").toString());
        configuration.addAcceptorConfiguration("tcp", "tcp://127.0.0.1:" + brokerPort);
        broker = new EmbeddedActiveMQ().setConfiguration(configuration).setSecurityManager(new SingleUserSecurity());
        broker.start();
    }

    @AfterAll
    static void stopDatabaseAndBroker() throws Exception {
        if (broker != null) {
            broker.stop();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void hubRunsOnExternalDatabaseAndBrokerConfiguredFromTheEnvironment() throws Exception {
        ConfigurableApplicationContext hub = new SpringApplicationBuilder(OmnihubApplication.class)
                .profiles("external")
                .run("--server.port=0",
                        "--OMNIHUB_DB_URL=jdbc:postgresql://localhost:" + postgres.getPort() + "/omnihub",
                        "--OMNIHUB_DB_USER=omnihub", "--OMNIHUB_DB_PASSWORD=db-secret",
                        "--OMNIHUB_BROKER_URL=tcp://127.0.0.1:" + brokerPort,
                        "--OMNIHUB_BROKER_USER=" + BROKER_USER, "--OMNIHUB_BROKER_PASSWORD=" + BROKER_PASSWORD,
                        "--OMNIHUB_ADMIN_USER=ops", "--OMNIHUB_ADMIN_PASSWORD=an-external-admin-password",
                        "--omnihub.bus.max-delivery-attempts=4", "--omnihub.bus.outage-delivery-attempts=50");
        try {
            var server = broker.getActiveMQServer();
            assertThat(server.locateQueue("hub.inbound")).isNotNull();
            assertThat(server.locateQueue("hub.inbound.dlq")).isNotNull();
            assertThat(server.locateQueue("hub.outbound.email.dlq")).isNotNull();
            AddressSettings inbound = server.getAddressSettingsRepository().getMatch("hub.inbound");
            assertThat(inbound.getDeadLetterAddress().toString()).isEqualTo("hub.inbound.dlq");
            // the routes hold a message after max-delivery-attempts; the broker's own limit is for outages
            assertThat(inbound.getMaxDeliveryAttempts()).isEqualTo(50);
            // a dead-letter queue is drained into held items and never drops what waits in it
            assertThat(server.getAddressSettingsRepository().getMatch("hub.inbound.dlq").getMaxDeliveryAttempts())
                    .isEqualTo(-1);

            String base = "http://localhost:" + hub.getEnvironment().getProperty("local.server.port");
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> posted = http.send(HttpRequest.newBuilder(URI.create(base + "/channels/webform/contact"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("email=external@example.com&message=hello"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(posted.statusCode()).isEqualTo(202);

            JdbcTemplate jdbc = hub.getBean(JdbcTemplate.class);
            await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                    "select count(*) from interaction", Long.class) == 1);
            HttpResponse<String> customer = http.send(HttpRequest.newBuilder(
                            URI.create(base + "/api/v1/customers?contact=external@example.com"))
                    .header("Authorization", "Basic " + Base64.getEncoder()
                            .encodeToString("ops:an-external-admin-password".getBytes()))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(customer.statusCode()).isEqualTo(200);
            assertThat(customer.body()).contains("external@example.com");
        } finally {
            hub.close();
        }
    }
}
