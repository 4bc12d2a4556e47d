package io.omnihub.connectors.email;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class MailComposerTest {

    private static byte[] sent(String subject) throws Exception {
        MimeMessage message = new MailComposer().compose(new ReplyMail("support@hub.test", "Support", "ada@example.com",
                subject, "omh.1.abc@hub.test", null, List.of(), null, "Hello", false, List.of()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        return out.toByteArray();
    }

    private static void everyLineWithin998Octets(byte[] raw) {
        for (String line : new String(raw, StandardCharsets.UTF_8).split("\r\n")) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(998);
        }
    }

    @Test
    void aSubjectOverNineHundredNinetyEightCharactersWithoutSpacesIsFoldedAndReadsBackTheSame() throws Exception {
        String subject = "Re: " + "x".repeat(1500) + " [#42]";
        byte[] raw = sent(subject);
        everyLineWithin998Octets(raw);
        MimeMessage read = new MimeMessage(null, new java.io.ByteArrayInputStream(raw));
        assertThat(read.getSubject()).isEqualTo(subject);
    }

    @Test
    void aLongSubjectOfWordsIsFoldedAtSpacesAndKeptReadable() throws Exception {
        String subject = "Re: " + "word ".repeat(300).strip() + " [#42]";
        byte[] raw = sent(subject);
        everyLineWithin998Octets(raw);
        assertThat(new String(raw, StandardCharsets.US_ASCII)).contains("Subject: Re: word word");
        assertThat(new MimeMessage(null, new java.io.ByteArrayInputStream(raw)).getSubject()).isEqualTo(subject);
    }

    @Test
    void aLongNonAsciiSubjectReadsBackTheSame() throws Exception {
        String subject = "Re: Rückfrage " + "ä".repeat(600) + " [#42]";
        byte[] raw = sent(subject);
        everyLineWithin998Octets(raw);
        assertThat(new MimeMessage(null, new java.io.ByteArrayInputStream(raw)).getSubject()).isEqualTo(subject);
    }
}
