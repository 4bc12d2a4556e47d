package io.omnihub.connectors.email;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.omnihub.connectors.bus.BusUnavailableException;
import io.omnihub.connectors.bus.InboundInteraction;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.util.unit.DataSize;

/**
 * The importer against a real IMAP server (GreenMail): it reads each new mail once, in UID order,
 * puts it on the bus before moving its cursor, marks or moves it afterwards, keeps going across
 * polls, and stops without moving the cursor when the bus is down.
 */
class MailboxImporterTest {

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.IMAP);

    /** The bus as the importer sees it: here a list, failing on demand. */
    private final List<InboundInteraction> bus = new ArrayList<>();
    private boolean busDown;
    private final Map<String, MailboxCursors.Cursor> cursors = new ConcurrentHashMap<>();
    private MailboxImporter importer;
    private MailboxSettings settings;

    private final MailboxCursors cursorTable = new MailboxCursors() {
        @Override
        public boolean lease(String inbox, String folder, String owner, Duration length) {
            return true;
        }

        @Override
        public void release(String inbox, String folder, String owner) {
        }

        @Override
        public Optional<Cursor> find(String inbox, String folder) {
            return Optional.ofNullable(cursors.get(folder));
        }

        @Override
        public boolean advance(String inbox, String folder, String owner, Cursor cursor) {
            cursors.put(folder, cursor);
            return true;
        }
    };

    @BeforeEach
    void mailbox() {
        MAIL.setUser("support@hub.test", "support", "secret");
        settings(MailboxSettings.AfterImport.SEEN, null);
    }

    private void settings(MailboxSettings.AfterImport after, String moveTo) {
        settings = new MailboxSettings("support@hub.test", List.of(), new MailboxSettings.Imap("127.0.0.1",
                MAIL.getImap().getPort(), MailboxSettings.Security.NONE, "support", "secret", "INBOX",
                Duration.ofSeconds(1), after, moveTo), null, DataSize.ofMegabytes(10), null, false);
        importer = new MailboxImporter("support", settings, new MailInteractions(content -> sha(content)),
                interaction -> {
                    if (busDown) {
                        throw new BusUnavailableException("down", null);
                    }
                    bus.add(interaction);
                }, cursorTable, "node-1", Clock.systemUTC());
    }

    private static String sha(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void deliver(int from, int to) throws Exception {
        for (int i = from; i < to; i++) {
            String raw = "From: c" + i + "@example.com\r\nTo: support@hub.test\r\nSubject: m" + i + "\r\nMessage-ID: <m" + i
                    + "@example.com>\r\n\r\nbody " + i + "\r\n";
            MAIL.getUserManager().getUser("support").deliver(new MimeMessage(Session.getInstance(new Properties()),
                    new ByteArrayInputStream(raw.getBytes(StandardCharsets.US_ASCII))));
        }
    }

    private List<String> externalIds() {
        return bus.stream().map(InboundInteraction::externalId).toList();
    }

    @Test
    void eachPollImportsWhatArrivedSinceTheLastInOrder() throws Exception {
        deliver(0, 3);
        assertThat(importer.poll().imported()).isEqualTo(3);
        assertThat(importer.poll().imported()).isZero();
        deliver(3, 5);
        assertThat(importer.poll().imported()).isEqualTo(2);
        assertThat(externalIds()).containsExactly("m0@example.com", "m1@example.com", "m2@example.com",
                "m3@example.com", "m4@example.com");
    }

    @Test
    void movingMailAwayKeepsImportingLaterMail() throws Exception {
        settings(MailboxSettings.AfterImport.MOVE, "Imported");
        deliver(0, 150);
        assertThat(importer.poll().imported()).isEqualTo(150);
        deliver(150, 400);
        assertThat(importer.poll().imported()).isEqualTo(250);
        assertThat(importer.poll().imported()).isZero();
        assertThat(bus).hasSize(400);
        assertThat(MAIL.getReceivedMessages()).hasSize(400);
    }

    @Test
    void whenTheBusIsDownTheCursorStaysAndTheMailIsImportedLater() throws Exception {
        deliver(0, 2);
        busDown = true;
        assertThat(importer.poll().imported()).isZero();
        assertThat(cursors.get("INBOX")).isNull();
        busDown = false;
        assertThat(importer.poll().imported()).isEqualTo(2);
    }
}
