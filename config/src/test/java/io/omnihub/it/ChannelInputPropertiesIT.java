package io.omnihub.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The first promise as a property, channel by channel, through the real endpoints on real
 * PostgreSQL and Artemis: for generated input — text of every script and control characters, bytes
 * that are no text, every charset label, huge fields, deep MIME nesting, broken multipart, malformed
 * JSON and forms, forged signatures — an input answered 2xx ends on a timeline, held, or (spam,
 * bounces) quarantined within seconds; one answered 4xx stores nothing; none is answered 5xx.
 *
 * <p>A fixed seed ({@code -Domnihub.fuzz.seed=...} to try another) and a time budget per channel keep
 * it repeatable and bounded in CI. A failure names the seed and the case: make it a plain test.
 */
@WithRunningHub
class ChannelInputPropertiesIT {

    private static final long SEED = Long.getLong("omnihub.fuzz.seed", 20261202L);
    private static final Duration BUDGET = Duration.ofSeconds(25);
    private static final Duration ACCOUNTED_WITHIN = Duration.ofSeconds(10);

    @Autowired
    HubClient hub;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MailServer mail;

    /** One generated input, how it was answered, and the id it is stored under if it is stored. */
    private record Case(int n, String kind, String externalId, int status, String answer) {
        @Override
        public String toString() {
            return "seed " + SEED + " case " + n + " (" + kind + ") answered " + status + ": "
                    + (answer.length() > 200 ? answer.substring(0, 200) + "…" : answer);
        }
    }

    private long storedAs(String externalId) {
        return jdbc.queryForObject("""
                select (select count(*) from interaction where external_id = ?)
                     + (select count(*) from held_item where external_id = ?)
                     + (select count(*) from quarantined_submission where external_id = ?)""",
                Long.class, externalId, externalId, externalId);
    }

    private void checkOutcomes(List<Case> cases) {
        assertThat(cases).as("inputs answered 5xx").noneMatch(c -> c.status() >= 500);
        List<Case> accepted = cases.stream().filter(c -> c.status() < 400).toList();
        await().atMost(ACCOUNTED_WITHIN.plusSeconds(5)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                assertThat(accepted).as("accepted inputs on a timeline, held or quarantined")
                        .allMatch(c -> storedAs(c.externalId()) == 1));
        assertThat(cases.stream().filter(c -> c.status() >= 400)).as("refused inputs stored")
                .allMatch(c -> storedAs(c.externalId()) == 0);
        assertThat(accepted).as("some inputs accepted").isNotEmpty();
        assertThat(cases).as("some inputs refused").anyMatch(c -> c.status() >= 400);
    }

    // ----- web forms -----

    private static String urlEncoded(List<String[]> fields, Charset charset) {
        StringBuilder body = new StringBuilder();
        for (String[] f : fields) {
            body.append(body.isEmpty() ? "" : "&").append(URLEncoder.encode(f[0], charset)).append('=')
                    .append(URLEncoder.encode(f[1], charset));
        }
        return body.toString();
    }

    private static String jsonString(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || Character.isSurrogate(c)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    private List<String[]> formFields(GeneratedInput in, String run, int n) {
        List<String[]> fields = new ArrayList<>();
        if (in.chance(0.8)) {
            fields.add(new String[] {"message", in.text(12)});
        }
        if (in.chance(0.85)) {
            fields.add(new String[] {"email", in.email(run, n)});
        }
        if (in.chance(0.6)) {
            fields.add(new String[] {"name", in.text(4)});
        }
        if (in.chance(0.3)) {
            fields.add(new String[] {"phone", in.chance(0.5) ? "(212) 555-01" + in.between(10, 99) : in.text(2)});
        }
        if (in.chance(0.3)) {
            fields.add(new String[] {"subject", in.text(5)});
        }
        if (in.chance(0.05)) {
            fields.add(new String[] {"website", "http://spam.example"});
        }
        for (int extra = in.between(0, 3); extra > 0; extra--) {
            fields.add(new String[] {in.text(2), in.text(3)});
        }
        return fields;
    }

    private Case webFormCase(GeneratedInput in, String run, int n) {
        String key = "fuzz-" + SEED + "-" + run + "-" + n;
        String externalId = UUID.nameUUIDFromBytes(("contact\n" + key).getBytes(StandardCharsets.UTF_8)).toString();
        String kind;
        String contentType;
        byte[] body;
        switch (in.between(0, 8)) {
            case 0, 1 -> {
                kind = "form";
                Charset charset = in.chance(0.8) ? StandardCharsets.UTF_8 : in.oneOf(GeneratedInput.CHARSETS);
                contentType = "application/x-www-form-urlencoded" + (in.chance(0.5) ? "; charset=" + charset.name() : "");
                body = urlEncoded(formFields(in, run, n), charset).getBytes(StandardCharsets.US_ASCII);
            }
            case 2 -> {
                kind = "broken form";
                contentType = "application/x-www-form-urlencoded";
                body = ("message=" + in.text(3) + "%zz&email=fuzz." + run + "." + n + "@example.com&" + in.text(4)
                        + "=&&==&%").getBytes(StandardCharsets.UTF_8);
            }
            case 3, 4 -> {
                kind = "json";
                contentType = "application/json";
                StringBuilder json = new StringBuilder("{");
                for (String[] f : formFields(in, run, n)) {
                    json.append(json.length() > 1 ? "," : "").append(jsonString(f[0])).append(':')
                            .append(in.chance(0.15) ? "{\"nested\": [1, 2e999, null, true]}" : jsonString(f[1]));
                }
                body = json.append('}').toString().getBytes(StandardCharsets.UTF_8);
            }
            case 5 -> {
                kind = "broken json";
                contentType = "application/json";
                String json = "{\"message\": " + jsonString(in.text(5)) + ", \"email\": \"fuzz." + run + "." + n
                        + "@example.com\"";
                body = (in.chance(0.5) ? json : json + "}" + in.text(3)).substring(0, Math.max(1,
                        in.between(json.length() / 2, json.length()))).getBytes(StandardCharsets.UTF_8);
            }
            case 6 -> {
                kind = "multipart";
                HubClient.Multipart multipart = new HubClient.Multipart();
                for (String[] f : formFields(in, run, n)) {
                    multipart.field(f[0], f[1]);
                }
                if (in.chance(0.5)) {
                    multipart.file("attachment", in.chance(0.3) ? "../../" + in.text(2) : "note.txt",
                            in.oneOf(List.of("text/plain", "image/png", "application/octet-stream", "")), in.bytes(3000));
                }
                contentType = multipart.contentType();
                byte[] all = multipart.bytes();
                body = in.chance(0.3) ? java.util.Arrays.copyOf(all, in.between(0, all.length)) : all;
                kind = body.length == all.length ? kind : "cut multipart";
            }
            case 7 -> {
                kind = "bytes";
                contentType = in.oneOf(List.of("text/plain", "application/xml", "application/octet-stream",
                        "multipart/form-data", "application/x-www-form-urlencoded", "application/json"));
                body = in.bytes(4000);
            }
            default -> {
                kind = "too large";
                contentType = "application/x-www-form-urlencoded";
                body = ("email=fuzz." + run + "." + n + "@example.com&message=" + "y".repeat(70_000))
                        .getBytes(StandardCharsets.US_ASCII);
            }
        }
        HttpResponse<String> answer = hub.post("/channels/webform/contact", contentType.isEmpty() ? "text/plain"
                : contentType, body, "Idempotency-Key", key);
        return new Case(n, kind, externalId, answer.statusCode(), answer.body());
    }

    @Test
    void everyWebFormPostAnswered2xxIsStoredAndEveryOneAnswered4xxStoresNothing() {
        GeneratedInput in = new GeneratedInput(SEED);
        String run = UUID.randomUUID().toString().substring(0, 6);
        List<Case> cases = new ArrayList<>();
        long deadline = System.nanoTime() + BUDGET.toNanos();
        for (int n = 0; n < 120 && System.nanoTime() < deadline; n++) {
            cases.add(webFormCase(in, run, n));
        }
        checkOutcomes(cases);
    }

    // ----- email -----

    private static void line(ByteArrayOutputStream out, String text, Charset charset) {
        out.writeBytes(text.getBytes(charset));
        out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    private void mimePart(GeneratedInput in, ByteArrayOutputStream out, int depth) {
        if (depth < 25 && in.chance(depth == 0 ? 0.5 : 0.35)) {
            String boundary = in.chance(0.9) ? "b" + depth + "-" + in.between(0, 99999) : "";
            line(out, "Content-Type: multipart/" + in.oneOf(List.of("mixed", "alternative", "related", "signed",
                    "report", "x-bogus")) + (boundary.isEmpty() ? "" : "; boundary=\"" + boundary + "\""),
                    StandardCharsets.US_ASCII);
            line(out, "", StandardCharsets.US_ASCII);
            for (int child = in.between(0, 3); child > 0; child--) {
                line(out, "--" + boundary, StandardCharsets.US_ASCII);
                mimePart(in, out, depth + 1);
            }
            if (in.chance(0.8)) {
                line(out, "--" + boundary + "--", StandardCharsets.US_ASCII);
            }
            return;
        }
        String label = in.oneOf(GeneratedInput.LABELS);
        Charset charset = in.oneOf(GeneratedInput.CHARSETS);
        String type = in.oneOf(List.of("text/plain", "text/html", "text/calendar", "image/png", "message/rfc822",
                "application/pdf", "message/delivery-status", "application/ms-tnef", "garbage"));
        line(out, "Content-Type: " + type + (label.isEmpty() ? "" : "; charset=" + label)
                + (in.chance(0.3) ? "; name=\"" + in.text(2) + "\"" : ""), StandardCharsets.UTF_8);
        if (in.chance(0.3)) {
            line(out, "Content-ID: <" + in.text(1) + "@x>", StandardCharsets.UTF_8);
        }
        String encoding = in.oneOf(List.of("7bit", "8bit", "base64", "quoted-printable", "x-uuencode", "bogus"));
        line(out, "Content-Transfer-Encoding: " + encoding, StandardCharsets.US_ASCII);
        line(out, "", StandardCharsets.US_ASCII);
        if (encoding.equals("base64")) {
            byte[] content = in.chance(0.5) ? in.text(10).getBytes(charset) : in.bytes(2000);
            line(out, in.chance(0.8) ? Base64.getMimeEncoder().encodeToString(content) : "!!not base64" + in.text(3),
                    StandardCharsets.US_ASCII);
        } else if (in.chance(0.15)) {
            out.writeBytes(in.bytes(1500));
            line(out, "", StandardCharsets.US_ASCII);
        } else {
            line(out, in.text(15), charset);
        }
    }

    private byte[] generatedMail(GeneratedInput in, String run, int n) {
        if (in.chance(0.08)) {
            return in.bytes(3000);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Charset headerCharset = in.chance(0.7) ? StandardCharsets.UTF_8 : in.oneOf(GeneratedInput.CHARSETS);
        switch (in.between(0, 7)) {
            case 0 -> { }
            case 1 -> line(out, "From: " + in.text(3), headerCharset);
            case 2 -> line(out, "From: Team: a." + n + "@example.com, b@example.com;", StandardCharsets.US_ASCII);
            case 3 -> line(out, "From: =?UTF-8?B?" + Base64.getEncoder().encodeToString(in.text(3)
                    .getBytes(StandardCharsets.UTF_8)) + "?= <fuzz." + run + "." + n + "@example.com>",
                    StandardCharsets.US_ASCII);
            default -> line(out, "From: " + in.text(2).replace("\r", "").replace("\n", "") + " <fuzz." + run + "." + n
                    + "@example.com>", headerCharset);
        }
        line(out, "To: fuzz@hub.test", StandardCharsets.US_ASCII);
        line(out, "Subject: " + in.text(8).replace("\r\n", "\r\n "), headerCharset);
        if (in.chance(0.75)) {
            line(out, "Message-ID: <fuzz-" + run + "-" + n + "@example.com>", StandardCharsets.US_ASCII);
        }
        if (in.chance(0.5)) {
            line(out, "Date: " + in.oneOf(List.of("Tue, 24 Nov 2026 10:00:00 +0000", "yesterday", "", "Mon, 32 Foo")),
                    StandardCharsets.US_ASCII);
        }
        if (in.chance(0.2)) {
            line(out, "X-Long: " + "h".repeat(in.between(900, 5000)), StandardCharsets.US_ASCII);
        }
        line(out, "MIME-Version: 1.0", StandardCharsets.US_ASCII);
        mimePart(in, out, 0);
        return out.toByteArray();
    }

    private long accountedInFuzzMailbox() {
        return jdbc.queryForObject("""
                select (select count(*) from interaction i join inbox b on b.id = i.inbox_id where b.key = 'fuzz')
                     + (select count(*) from held_item where inbox_key = 'fuzz')
                     + (select count(*) from quarantined_submission q join inbox b on b.id = q.inbox_id
                         where b.key = 'fuzz')""", Long.class);
    }

    @Test
    void everyGeneratedMailAMailboxGivesEndsOnATimelineOrHeld() {
        GeneratedInput in = new GeneratedInput(SEED + 1);
        String run = UUID.randomUUID().toString().substring(0, 6);
        long before = accountedInFuzzMailbox();
        java.util.Set<String> distinct = new java.util.HashSet<>();
        long deadline = System.nanoTime() + BUDGET.toNanos();
        for (int n = 0; n < 60 && System.nanoTime() < deadline; n++) {
            byte[] raw = generatedMail(in, run, n);
            if (distinct.contains(Base64.getEncoder().encodeToString(raw))) {
                continue;
            }
            try {
                mail.deliverRaw("fuzz", raw);
                distinct.add(Base64.getEncoder().encodeToString(raw));
            } catch (IllegalStateException greenMailRefusedIt) {
                // the test's IMAP server (GreenMail parses what it stores) cannot keep this one: it never reaches a mailbox
            }
        }
        int delivered = mail.seenAndTotal("fuzz", "INBOX")[1];
        await().atMost(ACCOUNTED_WITHIN.plusSeconds(20)).pollInterval(Duration.ofMillis(500))
                .until(() -> accountedInFuzzMailbox() - before >= delivered);
        assertThat(accountedInFuzzMailbox() - before).as("seed " + (SEED + 1) + ": mails accounted for")
                .isEqualTo(delivered);
        assertThat(jdbc.queryForObject("""
                select count(*) from attachment a join interaction i on i.id = a.interaction_id
                  join inbox b on b.id = i.inbox_id where b.key = 'fuzz' and (a.file_name is null or a.file_name = '')""",
                Long.class)).isZero();
    }

    // ----- Twilio SMS -----

    private Case smsCase(GeneratedInput in, int n) throws Exception {
        String sid = "SM" + UUID.randomUUID().toString().replace("-", "");
        String from = switch (in.between(0, 6)) {
            case 0 -> in.text(2);
            case 1 -> "+266696687";
            case 2 -> "whatsapp:+1415555" + String.format("%04d", in.between(0, 9999));
            case 3 -> "";
            default -> "+1415555" + String.format("%04d", in.between(0, 9999));
        };
        List<String[]> params = TwilioSmsWebhookIT.inboundSms(sid, from, in.chance(0.05) ? "z".repeat(70_000)
                : in.text(20));
        if (in.chance(0.2)) {
            params.removeIf(p -> p[0].equals(in.oneOf(List.of("MessageSid", "From", "To", "Body"))));
        }
        String signature = TwilioSmsWebhookIT.twilioSignature(in.chance(0.85) ? TwilioSmsWebhookIT.TOKEN : "forged",
                TwilioSmsWebhookIT.PUBLIC_URL, params);
        HttpResponse<String> answer = hub.send(HttpRequest.newBuilder(hub.uri("/channels/twilio/sms"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Twilio-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(TwilioSmsWebhookIT.form(params))));
        return new Case(n, "sms from " + from.replaceAll("\\p{Cntrl}", "?"), sid, answer.statusCode(), answer.body());
    }

    @Test
    void everySmsTwilioDeliversAndTheHubAnswers2xxIsStoredAnd4xxStoresNothing() throws Exception {
        GeneratedInput in = new GeneratedInput(SEED + 2);
        List<Case> cases = new ArrayList<>();
        long deadline = System.nanoTime() + BUDGET.toNanos();
        for (int n = 0; n < 60 && System.nanoTime() < deadline; n++) {
            cases.add(smsCase(in, n));
        }
        checkOutcomes(cases);
    }
}
