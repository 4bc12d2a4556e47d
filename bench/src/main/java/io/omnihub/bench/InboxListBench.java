package io.omnihub.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * The inbox list under a full store: the seeded past conversations (customers × history) get a
 * realistic mix — a fifth open and waiting, some with SLA targets near or past — and then each list
 * an agent opens is asked for {@code requests} times in turn, one at a time, timing the whole HTTP
 * answer (50 rows with customer names and previews): first page, open only, a channel, unassigned,
 * breaching SLA, full-text searches (a word one conversation in a thousand has, and words every one
 * has: the worst case), a customer's address, and pages deep into the list by cursor.
 */
final class InboxListBench {

    private final BenchOptions options;
    private final CustomerSeeder seeder;
    private final ObjectMapper json = new ObjectMapper();

    InboxListBench(BenchOptions options, CustomerSeeder seeder) {
        this.options = options;
        this.seeder = seeder;
    }

    boolean run(HttpClient http, String authorization, int requests) throws Exception {
        long conversations;
        try (Connection db = seeder.connect(); Statement sql = db.createStatement()) {
            sql.executeUpdate("""
                    update conversation set status = 'OPEN', resolved_at = null, waiting_since = opened_at,
                           first_response_warn_at = case when id % 50 = 0 then now() - interval '1 hour' end,
                           first_response_due_at = case when id % 50 = 0 then now() + interval '1 hour' end,
                           sla_policy = case when id % 50 = 0 then 'bench' end
                     where id % 5 = 0 and status = 'RESOLVED' and thread_key is null""");
            // a word only one seeded conversation in a thousand has, for a search as agents run them
            sql.executeUpdate("update interaction set body_text = body_text || ' Refund requested.' "
                    + "where id % 1000 = 0 and external_id like 'bench-seed-%' and body_text not like '%Refund%'");
            var rs = sql.executeQuery("select count(*), count(*) filter (where status <> 'RESOLVED') from conversation");
            rs.next();
            conversations = rs.getLong(1);
            System.out.printf("inbox list over %,d conversations (%,d not resolved), %d requests per list%n",
                    conversations, rs.getLong(2), requests);
        }
        Map<String, String> lists = new LinkedHashMap<>();
        lists.put("first page, all", "limit=50");
        lists.put("open and pending", "status=open,pending&limit=50");
        lists.put("one channel", "channel=webform&status=open,pending&limit=50");
        lists.put("unassigned", "unassigned=true&status=open,pending&limit=50");
        lists.put("breaching SLA", "breaching=true&limit=50");
        lists.put("search a rare word", "q=refund&limit=50");
        lists.put("search words in all", "q=" + URLEncoder.encode("earlier question", StandardCharsets.UTF_8)
                + "&limit=50");
        lists.put("search an address", "q=" + URLEncoder.encode("seed-4242@" + CustomerSeeder.DOMAIN,
                StandardCharsets.UTF_8) + "&limit=50");
        System.out.printf("%-22s %9s %9s %9s %9s %6s%n", "list", "p50 ms", "p95 ms", "p99 ms", "max ms", "rows");
        boolean ok = true;
        for (Map.Entry<String, String> list : lists.entrySet()) {
            ok &= measure(http, authorization, list.getKey(), list.getValue(), requests);
        }
        ok &= deepPages(http, authorization, Math.max(1, requests / 10));
        return ok;
    }

    private boolean measure(HttpClient http, String authorization, String name, String query, int requests)
            throws Exception {
        Histogram latency = new Histogram(3_600_000_000L, 3);
        int rows = 0;
        for (int i = 0; i < requests + 5; i++) {
            long started = System.nanoTime();
            HttpResponse<String> response = get(http, authorization, query);
            long took = System.nanoTime() - started;
            if (response.statusCode() != 200) {
                System.out.printf("%-22s HTTP %d: %s%n", name, response.statusCode(), response.body());
                return false;
            }
            if (i >= 5) {
                latency.recordValue(took / 1000);
                rows = json.readTree(response.body()).path("items").size();
            }
        }
        print(name, latency, rows);
        return true;
    }

    /** Following the cursor 40 pages (2,000 rows) down the open list, each page timed. */
    private boolean deepPages(HttpClient http, String authorization, int walks) throws Exception {
        Histogram latency = new Histogram(3_600_000_000L, 3);
        int rows = 0;
        for (int walk = 0; walk < walks; walk++) {
            String cursor = null;
            for (int page = 0; page < 40; page++) {
                String query = "status=open,pending&limit=50" + (cursor == null ? ""
                        : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
                long started = System.nanoTime();
                HttpResponse<String> response = get(http, authorization, query);
                latency.recordValue((System.nanoTime() - started) / 1000);
                if (response.statusCode() != 200) {
                    return false;
                }
                JsonNode body = json.readTree(response.body());
                rows = body.path("items").size();
                cursor = body.path("next").asText(null);
                if (cursor == null) {
                    break;
                }
            }
        }
        print("pages 1-40 by cursor", latency, rows);
        return true;
    }

    private HttpResponse<String> get(HttpClient http, String authorization, String query) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(options.hub() + "/api/v1/conversations?" + query))
                .header("Authorization", authorization).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void print(String name, Histogram latency, int rows) {
        System.out.printf("%-22s %9.1f %9.1f %9.1f %9.1f %6d%n", name, latency.getValueAtPercentile(50) / 1000.0,
                latency.getValueAtPercentile(95) / 1000.0, latency.getValueAtPercentile(99) / 1000.0,
                latency.getMaxValue() / 1000.0, rows);
    }
}
