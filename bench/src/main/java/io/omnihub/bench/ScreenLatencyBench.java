package io.omnihub.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.HdrHistogram.Histogram;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Event-to-screen latency: an agent's console inbox open in a real browser (Chromium, headless),
 * web-form posts at a steady rate, and for each the time from its post to its row being in the
 * page's DOM (a MutationObserver in the page notes when each row first appears). The live event
 * stream is watched alongside, so the report splits the latency into the hub's part (post → event)
 * and the browser's part (event → row: the fragment fetch and swap).
 */
final class ScreenLatencyBench {

    private static final String OBSERVER = """
            window.__seen = {};
            const note = () => document.querySelectorAll('#live tr').forEach(row => {
              const match = row.textContent.match(/screen-[a-z0-9]+-\\d+/);  // this run's and earlier runs' rows
              if (match && !(match[0] in window.__seen)) { window.__seen[match[0]] = Date.now(); }
            });
            new MutationObserver(note).observe(document.getElementById('live'), {childList: true, subtree: true});
            note();
            """;

    private final BenchOptions options;
    private final ObjectMapper json = new ObjectMapper();

    ScreenLatencyBench(BenchOptions options) {
        this.options = options;
    }

    boolean run(HttpClient http, String authorization) throws Exception {
        ChromeOptions chrome = new ChromeOptions();
        chrome.setBinary(System.getProperty("omnihub.bench.chromium", "/usr/bin/chromium"));
        chrome.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900");
        WebDriver browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(
                new java.io.File(System.getProperty("omnihub.bench.chromedriver", "/usr/bin/chromedriver"))).build(),
                chrome);
        LatencyRecorder events = new LatencyRecorder();
        try (ConsoleEventStream stream = new ConsoleEventStream(events)) {
            signIn(browser);
            ((JavascriptExecutor) browser).executeScript(OBSERVER);
            stream.open(http, options.hub(), authorization);
            events.measure(true);

            String run = UUID.randomUUID().toString().substring(0, 8).replace("-", "");
            int posts = options.requests();
            Map<String, Long> postedAt = new LinkedHashMap<>();
            long intervalNanos = (long) (1e9 / options.rate());
            long start = System.nanoTime();
            System.out.printf("posting %d forms at %.1f/s with the console inbox open in Chromium ...%n", posts,
                    options.rate());
            int refused = 0;
            for (int i = 0; i < posts; i++) {
                long scheduled = start + i * intervalNanos;
                long wait = scheduled - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                String marker = "screen-" + run + "-" + i;
                long wall = System.currentTimeMillis();
                HttpResponse<String> answer = post(http, marker);
                long answered = System.nanoTime();
                if (answer.statusCode() != 202) {
                    refused++;
                    continue;
                }
                postedAt.put(marker, wall);
                events.accepted(json.readTree(answer.body()).path("trackingId").asText(), scheduled, answered);
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            Map<String, Long> seen = seen(browser);
            while (!seen.keySet().containsAll(postedAt.keySet()) && System.nanoTime() < deadline) {
                Thread.sleep(200);
                seen = seen(browser);
            }
            Histogram screen = new Histogram(120_000_000_000L, 3);
            for (Map.Entry<String, Long> posted : postedAt.entrySet()) {
                Long at = seen.get(posted.getKey());
                if (at != null) {
                    screen.recordValue(Math.max(0, at - posted.getValue()) * 1_000_000L);
                }
            }
            int missing = postedAt.size() - (int) screen.getTotalCount();
            System.out.println();
            System.out.println("== Omnihub event-to-screen result ==");
            System.out.printf("posts                     %d at %.1f/s (%d refused), inbox page open in Chromium%n", posts,
                    options.rate(), refused);
            System.out.printf("rows seen on screen       %d%s%n", screen.getTotalCount(),
                    missing > 0 ? " (" + missing + " NEVER SHOWN)" : "");
            System.out.println("latency (ms)              p50      p95      p99      max");
            row("post -> 202", events.acceptance());
            row("post -> event stream", events.endToEnd());
            row("post -> row on screen", screen);
            return missing == 0 && refused == 0;
        } finally {
            browser.quit();
        }
    }

    private void signIn(WebDriver browser) {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        browser.get(options.hub().resolve("/console/inbox?status=open").toString());
        wait.until(ExpectedConditions.presenceOfElementLocated(By.name("username")));
        browser.findElement(By.name("username")).sendKeys(options.user());
        browser.findElement(By.name("password")).sendKeys(options.password(), Keys.ENTER);
        wait.until(ExpectedConditions.textToBe(By.id("live-state"), "live"));
    }

    private HttpResponse<String> post(HttpClient http, String marker) throws Exception {
        String form = "name=" + enc("Screen " + marker) + "&email=" + enc(marker + "@bench.example")
                + "&message=" + enc(marker);
        URI uri = options.hub().resolve("/channels/webform/" + options.form());
        return http.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Long> seen(WebDriver browser) {
        Map<String, Object> raw = (Map<String, Object>) ((JavascriptExecutor) browser)
                .executeScript("return window.__seen;");
        Map<String, Long> seen = new LinkedHashMap<>();
        raw.forEach((marker, at) -> seen.put(marker, ((Number) at).longValue()));
        return seen;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static void row(String name, Histogram h) {
        System.out.printf("%-22s %8.1f %8.1f %8.1f %8.1f%n", name, h.getValueAtPercentile(50) / 1e6,
                h.getValueAtPercentile(95) / 1e6, h.getValueAtPercentile(99) / 1e6, h.getMaxValue() / 1e6);
    }
}
