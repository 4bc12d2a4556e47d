package io.omnihub.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Nothing a mailbox gave the hub is lost: every mail of the corpus — hard real-world mail as
 * Outlook, Gmail, Apple Mail, Thunderbird, mutt, Exchange and broken MTAs write it (calendar
 * invitations, parts without a name, read receipts, DSNs, S/MIME, PGP, TNEF, nested forwards,
 * NUL bytes, mail without a From, garbage) — is imported through IMAP and ends on a customer's
 * timeline, as a held item an agent sees, or (bounces) as a recognised delivery report; none stays
 * in a dead-letter queue, and every file of a recorded mail has a name.
 */
@WithRunningHub
class EmailCorpusAccountedForIT {

    private static final Path CORPUS = Path.of("..", "connectors", "src", "test", "resources", "mail-corpus");

    @Autowired
    MailServer mail;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    BusProbe bus;

    private long count(String sql) {
        Long n = jdbc.queryForObject(sql, Long.class);
        return n == null ? 0 : n;
    }

    private long accountedFor() {
        return count("select count(*) from interaction i join inbox b on b.id = i.inbox_id where b.key = 'corpus'")
                + count("select count(*) from held_item where inbox_key = 'corpus'")
                + count("select count(*) from quarantined_submission q join inbox b on b.id = q.inbox_id "
                        + "where b.key = 'corpus'");
    }

    @Test
    void everyMailOfTheCorpusEndsOnATimelineOrHeldOrAsARecognisedReport() throws IOException {
        List<Path> files;
        try (Stream<Path> listing = Files.list(CORPUS)) {
            files = listing.filter(p -> p.toString().endsWith(".eml")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(81);
        for (Path file : files) {
            mail.deliverRaw("corpus", Files.readAllBytes(file));
        }

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> accountedFor() >= files.size());
        assertThat(accountedFor()).isEqualTo(files.size());

        // every mail with a Message-ID is found where it should be, by that id
        JsonNode manifest = new ObjectMapper().readTree(CORPUS.resolve("manifest.json").toFile());
        List<String> missing = new ArrayList<>();
        for (JsonNode expected : manifest) {
            String messageId = expected.path("messageId").isTextual() ? expected.path("messageId").asText() : null;
            if (messageId == null) {
                continue;
            }
            long found = jdbc.queryForObject("""
                    select (select count(*) from interaction where external_id like ? || '%')
                         + (select count(*) from held_item where external_id like ? || '%')
                         + (select count(*) from quarantined_submission where external_id like ? || '%')""",
                    Long.class, messageId, messageId, messageId);
            if (found == 0) {
                missing.add(expected.path("file").asText() + " <" + messageId + ">");
            }
        }
        assertThat(missing).as("mails not found by their Message-ID").isEmpty();

        List<Map<String, Object>> unnamed = jdbc.queryForList("""
                select a.id from attachment a join interaction i on i.id = a.interaction_id join inbox b on b.id = i.inbox_id
                 where b.key = 'corpus' and (a.file_name is null or a.file_name = '')""");
        assertThat(unnamed).isEmpty();
        assertThat(bus.browse("hub.inbound.dlq")).noneMatch(m -> m.text() != null && m.text().contains("\"corpus\""));

        // what is held says why, and a mail without a From is held to be attached, not dropped
        List<String> reasons = jdbc.queryForList("select reason from held_item where inbox_key = 'corpus'",
                String.class);
        assertThat(reasons).allSatisfy(reason -> assertThat(reason).isNotBlank());
    }
}
