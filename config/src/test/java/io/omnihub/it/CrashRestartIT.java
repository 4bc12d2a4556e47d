package io.omnihub.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A hub on its embedded default killed with kill -9 starts again without hands: the PostgreSQL it
 * left running on its data folder is found by its lock file, stopped with one log line, and
 * started afresh (on another port, as the port is chosen anew); everything accepted before the
 * kill is there. A second hub on a data folder in use is refused, saying why.
 */
class CrashRestartIT {

    private static long pidIn(Path postmasterPid) throws Exception {
        return Long.parseLong(Files.readAllLines(postmasterPid).get(0).strip());
    }

    @Test
    void aHubKilledWithKillNineRestartsOnItsDataFolderAndKeepsWhatItAccepted() throws Exception {
        Path dataDir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "crash-");
        Path postmasterPid = dataDir.resolve("postgres").resolve("postmaster.pid");

        HubProcess first = HubProcess.start(dataDir, "512m", List.of()).awaitReady(Duration.ofMinutes(3));
        long orphan;
        try {
            assertThat(first.postForm("contact", "email=crash@example.com&message=before+the+crash").statusCode())
                    .isEqualTo(202);
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    first.get("/api/v1/customers?contact=crash@example.com").statusCode() == 200);
            orphan = pidIn(postmasterPid);

            // a second hub on the same data folder is refused while the first runs
            try (HubProcess second = HubProcess.start(dataDir, "256m", List.of())) {
                await().atMost(Duration.ofMinutes(2)).until(() -> !second.alive());
                assertThat(second.logText()).contains("is in use by another running hub");
            }
        } finally {
            first.kill();
        }
        assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive)).as("the killed hub's PostgreSQL")
                .contains(true);

        try (HubProcess restarted = HubProcess.start(dataDir, "512m", List.of())) {
            restarted.awaitReady(Duration.ofMinutes(3));
            assertThat(restarted.logText()).contains("stopping the server a hub that did not shut down left running")
                    .contains("pid " + orphan);
            assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive).orElse(false)).isFalse();
            assertThat(restarted.get("/api/v1/customers?contact=crash@example.com").statusCode()).isEqualTo(200);
            assertThat(restarted.postForm("contact", "email=crash@example.com&message=after").statusCode())
                    .isEqualTo(202);
        }
    }
}
