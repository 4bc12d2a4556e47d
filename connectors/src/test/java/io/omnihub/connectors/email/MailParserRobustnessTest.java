package io.omnihub.connectors.email;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnihub.connectors.bus.InteractionFlag;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Mail no corpus file holds: too big to commit, or random. None makes the parser throw. */
class MailParserRobustnessTest {

    private final MailParser parser = new MailParser();

    @Test
    void aHugeAttachmentIsReadWithItsExactSize() {
        byte[] file = new byte[30 * 1024 * 1024];
        new Random(1).nextBytes(file);
        String raw = "From: a@example.com\r\nMessage-ID: <huge@example.com>\r\nSubject: big\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=x\r\n\r\n--x\r\nContent-Type: text/plain\r\n\r\nsee file\r\n"
                + "--x\r\nContent-Type: application/zip\r\nContent-Disposition: attachment; filename=all.zip\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n" + Base64.getMimeEncoder().encodeToString(file)
                + "\r\n--x--\r\n";
        ParsedMail mail = parser.parse(raw.getBytes(StandardCharsets.US_ASCII));
        assertThat(mail.text()).isEqualTo("see file");
        assertThat(mail.parts()).singleElement().satisfies(p -> {
            assertThat(p.fileName()).isEqualTo("all.zip");
            assertThat(p.size()).isEqualTo(file.length);
            assertThat(p.content()).isEqualTo(file);
        });
    }

    /**
     * Found by ChannelInputPropertiesIT (seed 20261203, mail 28): a From of 60 KB without an {@code @}
     * took 41 s to read (a regular expression tried from every position), stopping its mailbox. Now
     * addresses are found from each {@code @} outwards; the timeout only guards against that relapse.
     */
    @Test
    @org.junit.jupiter.api.Timeout(value = 30, unit = java.util.concurrent.TimeUnit.SECONDS)
    void aSixtyKilobyteFromWithoutAnAtSignIsReadInLinearTime() {
        ParsedMail mail = parser.parse(("From: " + "x".repeat(61_000) + "\r\nSubject: s\r\n\r\nbody " + "y".repeat(900_000))
                .getBytes(StandardCharsets.US_ASCII));
        assertThat(mail.from()).isNull();
        ParsedMail bounce = parser.parse(("From: mailer-daemon@example.org\r\nSubject: Undelivered Mail\r\n\r\n"
                + "z".repeat(900_000) + " <gone@example.com>").getBytes(StandardCharsets.US_ASCII));
        assertThat(bounce.bounceRecipients()).containsExactly("gone@example.com");
    }

    @Test
    void randomBytesNeverThrowAndStillGetAStableId() {
        Random random = new Random(7);
        for (int i = 0; i < 300; i++) {
            byte[] garbage = new byte[random.nextInt(4000)];
            random.nextBytes(garbage);
            ParsedMail first = parser.parse(garbage);
            assertThat(first.externalId()).isEqualTo(parser.parse(garbage).externalId()).startsWith("sha256:");
        }
    }

    @Test
    void aMailWithoutMessageIdIsIdentifiedByAHashOfItsBytes() {
        byte[] raw = "From: a@example.com\r\nSubject: no id\r\n\r\nhello\r\n".getBytes(StandardCharsets.US_ASCII);
        ParsedMail mail = parser.parse(raw);
        assertThat(mail.messageId()).isNull();
        assertThat(mail.externalId()).startsWith("sha256:").hasSize(7 + 64);
        assertThat(mail.flags()).doesNotContain(InteractionFlag.UNPARSEABLE);
    }

    @Test
    void encodedWordsSplitInsideACharacterAcrossFoldedLinesJoinAgain() {
        // "Grüße" with the two bytes of 'ü' split between two encoded words
        String header = "=?UTF-8?Q?Gr=C3?=\r\n =?UTF-8?Q?=BC=C3=9Fe?= aus =?ISO-8859-1?Q?K=F6ln?=";
        assertThat(EncodedWords.decode(header)).isEqualTo("Grüße aus Köln");
    }
}
