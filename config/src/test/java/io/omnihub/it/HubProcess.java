package io.omnihub.it;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The hub as its own operating-system process, on its embedded default (embedded PostgreSQL and
 * Artemis) with a data folder of the test's: for what an in-process test cannot show — a kill -9,
 * a restart on what a dead process left, a bounded heap. Its output goes to a log file next to
 * the data folder.
 */
final class HubProcess implements AutoCloseable {

    static final String ADMIN_PASSWORD = "process-admin-password";

    private final Process process;
    private final int port;
    private final Path log;

    private HubProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts a hub on {@code dataDir} with at most {@code maxHeap} of heap and these extra arguments. */
    static HubProcess start(Path dataDir, String maxHeap, List<String> arguments) throws IOException {
        int port = freePort();
        Path log = dataDir.resolveSibling(dataDir.getFileName() + "-" + port + ".log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + maxHeap, "-XX:+HeapDumpOnOutOfMemoryError", "-XX:HeapDumpPath=" + dataDir.getParent(),
                "-cp", System.getProperty("java.class.path"), "io.omnihub.OmnihubApplication",
                "--server.port=" + port, "--omnihub.data-dir=" + dataDir.toAbsolutePath(),
                "--omnihub.database.port=0", "--logging.level.io.omnihub=INFO"));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("OMNIHUB_ADMIN_PASSWORD", ADMIN_PASSWORD);
        return new HubProcess(builder.start(), port, log);
    }

    /** Waits until the hub answers ready (or fails with the end of its log). */
    HubProcess awaitReady(Duration within) {
        await().atMost(within).pollInterval(Duration.ofMillis(500)).until(() -> {
            if (!process.isAlive()) {
                throw new AssertionError("the hub process ended with " + process.exitValue() + ":\n" + logTail());
            }
            return status("/actuator/health/readiness") == 200;
        });
        return this;
    }

    int status(String path) {
        try {
            return get(path).statusCode();
        } catch (IOException e) {
            return -1;
        }
    }

    HttpResponse<String> get(String path) throws IOException {
        return send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10))
                .header("Authorization", basic()).GET());
    }

    HttpResponse<String> postForm(String formKey, String body) throws IOException {
        return send(HttpRequest.newBuilder(uri("/channels/webform/" + formKey)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException {
        try {
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    boolean alive() {
        return process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    /** kill -9: no shutdown hook, nothing closed. */
    void kill() {
        process.destroyForcibly();
        process.onExit().join();
    }

    String logText() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    String logTail() {
        String text = logText();
        return text.length() <= 6000 ? text : text.substring(text.length() - 6000);
    }

    /** A graceful stop (SIGTERM), as an operator's stop would be. */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }

    private static String basic() {
        return "Basic " + Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
