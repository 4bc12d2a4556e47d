package io.omnihub.connectors.webform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnihub.connectors.bus.Address;
import io.omnihub.connectors.bus.AddressNormalizer;
import io.omnihub.connectors.bus.InboundInteraction;
import io.omnihub.connectors.bus.InteractionFlag;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class WebFormIntakeTest {

    private final List<byte[]> stored = new ArrayList<>();
    private final AddressNormalizer addresses = new AddressNormalizer() {
        @Override
        public String email(String raw) {
            if (!raw.contains("@")) {
                throw new IllegalArgumentException("not a valid e-mail address");
            }
            return raw.strip().toLowerCase(Locale.ROOT);
        }

        @Override
        public String phone(String raw) {
            return "+1" + raw.replaceAll("\\D", "");
        }
    };
    private final WebFormIntake intake = new WebFormIntake(addresses, content -> {
        stored.add(content);
        return "sha-" + stored.size();
    });
    private final WebFormSettings settings = new WebFormSettings(null, List.of("email", "message"), List.of("*"),
            null, DataSize.ofKilobytes(64), DataSize.ofMegabytes(1), 5, List.of("*"), "website", null);
    private final Instant now = Instant.parse("2026-11-24T12:00:00Z");

    private static FormSubmission form(Map<String, String> fields, UploadedFile... files) {
        Map<String, List<String>> multi = new LinkedHashMap<>();
        fields.forEach((k, v) -> multi.put(k, List.of(v)));
        return new FormSubmission(multi, List.of(files));
    }

    @Test
    void mappedFieldsBecomeTheInteractionAndTheRestStayAsCustomFields() {
        InboundInteraction i = intake.accept("contact", settings, form(Map.of("name", "Ana", "email", " Ana@Example.com ",
                "phone", "415 555 2671", "subject", "Order", "message", "Where is it?", "orderNo", "A-17")),
                "t-1", "https://shop.example", now);

        assertThat(i.channel()).isEqualTo("webform");
        assertThat(i.externalId()).isEqualTo("t-1");
        assertThat(i.kind()).isEqualTo("FORM_SUBMISSION");
        assertThat(i.from().name()).isEqualTo("Ana");
        assertThat(i.from().addresses()).containsExactly(Address.email("ana@example.com"), Address.phone("+14155552671"));
        assertThat(i.groupId()).isEqualTo("email:ana@example.com");
        assertThat(i.subject()).isEqualTo("Order");
        assertThat(i.text()).isEqualTo("Where is it?");
        assertThat(i.metadata()).containsEntry("fields", Map.of("orderNo", "A-17"))
                .containsEntry("origin", "https://shop.example");
        assertThat(i.flags()).isEmpty();
    }

    @Test
    void missingRequiredFieldIsNamed() {
        assertThatThrownBy(() -> intake.accept("contact", settings, form(Map.of("email", "a@b.io")), "t", null, now))
                .isInstanceOfSatisfying(WebFormRejection.class, r -> assertThat(r.field()).isEqualTo("message"));
    }

    @Test
    void invalidEmailIsNamedWithTheReason() {
        assertThatThrownBy(() -> intake.accept("contact", settings, form(Map.of("email", "nope", "message", "m")), "t",
                null, now))
                .isInstanceOfSatisfying(WebFormRejection.class, r -> {
                    assertThat(r.field()).isEqualTo("email");
                    assertThat(r.getMessage()).contains("not a valid e-mail address");
                });
    }

    @Test
    void submissionWithoutAnyWayToReachTheSenderIsRefused() {
        WebFormSettings optional = new WebFormSettings(null, List.of(), List.of(), null, DataSize.ofKilobytes(64),
                DataSize.ofMegabytes(1), 5, List.of(), null, null);
        assertThatThrownBy(() -> intake.accept("contact", optional, form(Map.of("message", "hi")), "t", null, now))
                .hasMessageContaining("way to reach the sender");
    }

    @Test
    void filledHoneypotIsFlaggedAsSpamWithoutValidation() {
        InboundInteraction i = intake.accept("contact", settings, form(Map.of("website", "http://spam.example")), "t",
                null, now);
        assertThat(i.flagged(InteractionFlag.SPAM)).isTrue();
        assertThat(i.from()).isNull();
        assertThat(stored).isEmpty();
    }

    @Test
    void filesAreStoredOnlyOnceTheSubmissionIsValid() {
        UploadedFile file = new UploadedFile("f", "a.txt", "text/plain", "abc".getBytes());
        assertThatThrownBy(() -> intake.accept("contact", settings, form(Map.of("email", "a@b.io"), file), "t", null, now));
        assertThat(stored).isEmpty();

        InboundInteraction i = intake.accept("contact", settings, form(Map.of("email", "a@b.io", "message", "m"), file),
                "t", null, now);
        assertThat(stored).hasSize(1);
        assertThat(i.attachments()).singleElement().satisfies(a -> {
            assertThat(a.sha256()).isEqualTo("sha-1");
            assertThat(a.fileName()).isEqualTo("a.txt");
            assertThat(a.sizeBytes()).isEqualTo(3);
        });
    }

    @Test
    void trackingIdIsStableForOneIdempotencyKeyAndRandomWithout() {
        assertThat(WebFormIntake.trackingId("contact", "k1")).isEqualTo(WebFormIntake.trackingId("contact", "k1"));
        assertThat(WebFormIntake.trackingId("contact", "k1")).isNotEqualTo(WebFormIntake.trackingId("other", "k1"));
        assertThat(WebFormIntake.trackingId("contact", null)).isNotEqualTo(WebFormIntake.trackingId("contact", null));
    }
}
