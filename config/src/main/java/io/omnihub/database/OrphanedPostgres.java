package io.omnihub.database;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A hub killed without shutting down (kill -9, a power cut) leaves its embedded PostgreSQL
 * running, holding the data folder ({@code postmaster.pid}). Before the embedded server starts,
 * such an orphan of this data folder is stopped, with one log line saying so; a lock file whose
 * process is gone is left for PostgreSQL, which replaces it. Only called while this hub holds the
 * data folder's {@link DataFolderLock}, so a server found there belongs to no running hub.
 */
final class OrphanedPostgres {

    private static final Logger log = LoggerFactory.getLogger(OrphanedPostgres.class);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    /** What {@code postmaster.pid} says: the server's pid, data folder and port. */
    record LockFile(Path file, long pid, String dataDirectory, String port) {
    }

    private OrphanedPostgres() {
    }

    static Optional<LockFile> lockFile(Path dataDirectory) {
        Path file = dataDirectory.resolve("postmaster.pid");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            long pid = Long.parseLong(lines.get(0).strip());
            return Optional.of(new LockFile(file, pid, lines.size() > 1 ? lines.get(1).strip() : "?",
                    lines.size() > 3 ? lines.get(3).strip() : "?"));
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    /** Stops the server a dead hub left running on this data folder, if there is one. */
    static void stopIfOrphaned(Path dataDirectory) {
        Optional<LockFile> lock = lockFile(dataDirectory);
        if (lock.isEmpty()) {
            return;
        }
        Optional<ProcessHandle> server = ProcessHandle.of(lock.get().pid()).filter(ProcessHandle::isAlive)
                .filter(OrphanedPostgres::isPostgres);
        if (server.isEmpty()) {
            return;
        }
        log.warn("embedded PostgreSQL: stopping the server a hub that did not shut down left running on {} "
                + "(pid {}, port {}, lock file {}); it starts afresh", dataDirectory.toAbsolutePath().normalize(),
                lock.get().pid(), lock.get().port(), lock.get().file());
        // SIGTERM: the dead hub's connections are gone, so the server shuts down at once
        server.get().destroy();
        try {
            server.get().onExit().get(STOP_TIMEOUT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException slow) {
            log.warn("embedded PostgreSQL: pid {} did not stop within {}; killing it (it recovers from its log)",
                    lock.get().pid(), STOP_TIMEOUT);
            server.get().destroyForcibly();
            server.get().onExit().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping the orphaned PostgreSQL", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    private static boolean isPostgres(ProcessHandle process) {
        return process.info().command().map(c -> Path.of(c).getFileName().toString().startsWith("postgres"))
                .orElseGet(() -> commandLine(process).contains("postgres"));
    }

    private static String commandLine(ProcessHandle process) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(process.pid()), "cmdline"), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
