package io.omnihub.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A burst of large mails does not stop a mailbox: twelve 30 MB mails land in one INBOX at once,
 * imported by a hub whose heap (384 MB) is far smaller than the burst. Each mail is streamed from
 * IMAP to the blob store, never held whole, so every one reaches its customer's timeline with its
 * 22 MB attachment, the hub never runs out of memory and the mailbox stays UP.
 */
class LargeMailBurstIT {

    private static final int MAILS = 12;
    private static final int ATTACHMENT_BYTES = 22 * 1024 * 1024;
    private static final int IMAP_PORT = 31343;

    private static byte[] mail(int n, byte[] attachment) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(ATTACHMENT_BYTES * 4 / 3 + 4096);
        String head = "From: Sender " + n + " <big-" + n + "@example.com>\r\nTo: big@hub.test\r\n"
                + "Subject: Scanned contract " + n + "\r\nMessage-ID: <big-" + n + "-" + System.nanoTime()
                + "@example.com>\r\nDate: Tue, 24 Nov 2026 10:00:00 +0000\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n"
                + "Here is the signed contract.\r\n--b\r\nContent-Type: application/pdf; name=\"contract-" + n + ".pdf\"\r\n"
                + "Content-Disposition: attachment; filename=\"contract-" + n + ".pdf\"\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n";
        out.writeBytes(head.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(Base64.getMimeEncoder(76, "\r\n".getBytes(StandardCharsets.US_ASCII)).encode(attachment));
        out.writeBytes("\r\n--b--\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    @Test
    void twelveThirtyMegabyteMailsAtOnceReachTheirTimelinesInABoundedHeap() throws Exception {
        GreenMail imap = new GreenMail(new ServerSetup(IMAP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_IMAP));
        imap.start();
        try {
            var user = imap.setUser("big@hub.test", "big", "secret");
            Random random = new Random(42);
            for (int n = 1; n <= MAILS; n++) {
                byte[] attachment = new byte[ATTACHMENT_BYTES];
                random.nextBytes(attachment);
                user.deliver(new MimeMessage(Session.getInstance(new Properties()),
                        new java.io.ByteArrayInputStream(mail(n, attachment))));
            }

            Path dataDir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "large-mail-");
            try (HubProcess hub = HubProcess.start(dataDir, "384m", List.of(
                    "--omnihub.inboxes.big.channel=email", "--omnihub.inboxes.big.name=Scans",
                    "--omnihub.inboxes.big.email.address=big@hub.test",
                    "--omnihub.inboxes.big.email.max-attachment-size=40MB",
                    "--omnihub.inboxes.big.email.imap.host=127.0.0.1",
                    "--omnihub.inboxes.big.email.imap.port=" + IMAP_PORT,
                    "--omnihub.inboxes.big.email.imap.security=NONE",
                    "--omnihub.inboxes.big.email.imap.username=big",
                    "--omnihub.inboxes.big.email.imap.password=secret",
                    "--omnihub.inboxes.big.email.imap.poll-interval=1s"))) {
                hub.awaitReady(Duration.ofMinutes(3));
                ObjectMapper json = new ObjectMapper();
                await().atMost(Duration.ofMinutes(6)).pollInterval(Duration.ofSeconds(2)).until(() -> {
                    assertThat(hub.alive()).as("the hub process").isTrue();
                    for (int n = 1; n <= MAILS; n++) {
                        if (hub.get("/api/v1/customers?contact=big-" + n + "@example.com").statusCode() != 200) {
                            return false;
                        }
                    }
                    return true;
                });
                for (int n = 1; n <= MAILS; n++) {
                    long customer = json.readTree(hub.get("/api/v1/customers?contact=big-" + n + "@example.com").body())
                            .get("id").asLong();
                    JsonNode item = json.readTree(hub.get("/api/v1/customers/" + customer + "/timeline").body())
                            .get("items").get(0);
                    assertThat(item.get("subject").asText()).isEqualTo("Scanned contract " + n);
                    assertThat(item.get("attachments").get(0).get("fileName").asText()).isEqualTo("contract-" + n + ".pdf");
                    assertThat(item.get("attachments").get(0).get("sizeBytes").asLong()).isEqualTo(ATTACHMENT_BYTES);
                }
                JsonNode mailbox = json.readTree(hub.get("/actuator/health").body())
                        .at("/components/mailboxes/details/big");
                assertThat(mailbox.path("status").asText()).isEqualTo("UP");
                assertThat(hub.logText()).doesNotContain("OutOfMemoryError");
            }
        } finally {
            imap.stop();
        }
    }
}
