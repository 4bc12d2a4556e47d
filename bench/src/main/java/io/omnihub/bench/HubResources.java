package io.omnihub.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Samples the hub's own CPU and memory once a second from its actuator metrics
 * ({@code process.cpu.usage}, {@code jvm.memory.used}) while the load runs.
 */
final class HubResources implements AutoCloseable {

    /** Averages and peaks over the samples; CPU as a share of the whole machine (1.0 = all cores). */
    record Usage(int samples, double cpuAverage, double cpuPeak, long heapAndNonHeapPeakBytes, int cores) {
    }

    private final HttpClient http;
    private final URI hub;
    private final String authorization;
    private final ObjectMapper json = new ObjectMapper();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "hub-resources");
        t.setDaemon(true);
        return t;
    });
    private double cpuSum;
    private double cpuPeak;
    private long memoryPeak;
    private int samples;
    private int cores;

    HubResources(HttpClient http, URI hub, String authorization) {
        this.http = http;
        this.hub = hub;
        this.authorization = authorization;
    }

    void start() {
        cores = (int) metric("system.cpu.count");
        sampler.scheduleAtFixedRate(this::sample, 0, 1, TimeUnit.SECONDS);
    }

    private synchronized void sample() {
        try {
            double cpu = metric("process.cpu.usage");
            long memory = (long) metric("jvm.memory.used");
            cpuSum += cpu;
            cpuPeak = Math.max(cpuPeak, cpu);
            memoryPeak = Math.max(memoryPeak, memory);
            samples++;
        } catch (RuntimeException e) {
            System.err.println("cannot read the hub's metrics: " + e.getMessage());
        }
    }

    synchronized Usage usage() {
        return new Usage(samples, samples == 0 ? 0 : cpuSum / samples, cpuPeak, memoryPeak, cores);
    }

    private double metric(String name) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(hub.resolve("/actuator/metrics/" + name))
                    .header("Authorization", authorization).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("/actuator/metrics/" + name + " answered " + response.statusCode());
            }
            return json.readTree(response.body()).path("measurements").path(0).path("value").asDouble();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        sampler.shutdownNow();
    }
}
