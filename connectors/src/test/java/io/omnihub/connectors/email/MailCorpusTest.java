package io.omnihub.connectors.email;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnihub.connectors.bus.InteractionFlag;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every message of the corpus ({@code mail-corpus/}, hard real-world mail written for these tests,
 * each with what a correct reading of it is in {@code manifest.json}) is read exactly as expected:
 * ids, sender, decoded subject, text in the right characters, attachments with exact sizes, flags,
 * bounce recipients, thread hints and the new part of replies. None makes the parser throw.
 */
class MailCorpusTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final MailParser parser = new MailParser();

    static Stream<JsonNode> corpus() throws IOException {
        try (InputStream in = MailCorpusTest.class.getResourceAsStream("/mail-corpus/manifest.json")) {
            JsonNode manifest = JSON.readTree(in);
            List<JsonNode> cases = new ArrayList<>();
            manifest.forEach(cases::add);
            assertThat(cases).hasSizeGreaterThanOrEqualTo(40);
            return cases.stream();
        }
    }

    private static byte[] raw(String file) throws IOException {
        try (InputStream in = MailCorpusTest.class.getResourceAsStream("/mail-corpus/" + file)) {
            assertThat(in).as(file).isNotNull();
            return in.readAllBytes();
        }
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void readsEachMessageAsExpected(JsonNode expected) throws IOException {
        String file = expected.get("file").asText();
        ParsedMail mail = parser.parse(raw(file));
        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(mail.messageId()).as(file + " messageId").isEqualTo(text(expected.get("messageId")));
        soft.assertThat(mail.externalId()).as(file + " externalId").isNotBlank();
        soft.assertThat(mail.from() == null ? null : mail.from().address()).as(file + " from")
                .isEqualTo(text(expected.get("from")));
        soft.assertThat(mail.from() == null ? null : mail.from().name()).as(file + " fromName")
                .isEqualTo(text(expected.get("fromName")));
        soft.assertThat(mail.subject()).as(file + " subject").isEqualTo(text(expected.get("subject")));
        expected.path("textContains").forEach(s -> soft.assertThat(mail.text()).as(file + " text").contains(s.asText()));
        expected.path("textExcludes").forEach(s -> soft.assertThat(mail.text()).as(file + " text")
                .doesNotContain(s.asText()));
        soft.assertThat(mail.html() != null).as(file + " hasHtml").isEqualTo(expected.path("hasHtml").asBoolean());
        expected.path("htmlContains").forEach(s -> soft.assertThat(mail.html()).as(file + " html").contains(s.asText()));

        List<String> actualParts = mail.parts().stream().map(p -> p.fileName() + "|" + p.contentType() + "|" + p.size()
                + "|" + p.inline() + "|" + p.contentId()).toList();
        List<String> expectedParts = new ArrayList<>();
        expected.path("attachments").forEach(a -> expectedParts.add(text(a.get("filename")) + "|"
                + a.get("contentType").asText() + "|" + a.get("size").asLong() + "|" + a.path("inline").asBoolean()
                + "|" + text(a.get("contentId"))));
        soft.assertThat(actualParts).as(file + " attachments").isEqualTo(expectedParts);

        List<String> flags = mail.flags().stream().map(InteractionFlag::name).sorted().toList();
        List<String> expectedFlags = new ArrayList<>();
        expected.path("flags").forEach(f -> expectedFlags.add(f.asText()));
        soft.assertThat(flags).as(file + " flags").isEqualTo(expectedFlags.stream().sorted().toList());
        List<String> bounced = new ArrayList<>();
        expected.path("bounceRecipients").forEach(b -> bounced.add(b.asText()));
        soft.assertThat(mail.bounceRecipients()).as(file + " bounceRecipients").isEqualTo(bounced);

        soft.assertThat(mail.inReplyTo()).as(file + " inReplyTo").isEqualTo(text(expected.get("inReplyTo")));
        List<String> references = new ArrayList<>();
        expected.path("references").forEach(r -> references.add(r.asText()));
        soft.assertThat(mail.references()).as(file + " references").isEqualTo(references);
        soft.assertThat(mail.threadIndex() != null).as(file + " threadIndex")
                .isEqualTo(expected.path("threadIndex").asBoolean());
        expected.path("newPartContains").forEach(s -> soft.assertThat(mail.newPart()).as(file + " newPart")
                .contains(s.asText()));
        expected.path("newPartExcludes").forEach(s -> soft.assertThat(mail.newPart()).as(file + " newPart")
                .doesNotContain(s.asText()));
        soft.assertAll();
    }
}
