package io.omnihub.routes.correlation;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnihub.connectors.bus.Address;
import io.omnihub.connectors.bus.AttachmentRef;
import io.omnihub.connectors.bus.InboundInteraction;
import io.omnihub.connectors.bus.InteractionFlag;
import io.omnihub.connectors.bus.Sender;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StorableInteractionTest {

    private static InboundInteraction.Builder mail() {
        return InboundInteraction.builder("email", "support", "id-1").occurredAt(Instant.EPOCH)
                .from(new Sender("Ada", List.of(Address.email("ada@example.com"))));
    }

    @Test
    void anInteractionWithNothingToCleanIsKeptAsItIs() {
        InboundInteraction in = mail().subject("Hello").text("text").metadata(Map.of("a", "b")).build();
        assertThat(StorableInteraction.of(in)).isSameAs(in);
    }

    @Test
    void nulCharactersAreRemovedEverywhereAndTheInteractionIsFlagged() {
        InboundInteraction in = mail().subject("Hel\u0000lo").text("a\u0000b").html("<p>\u0000</p>")
                .from(new Sender("A\u0000da", List.of(Address.email("ada@example.com"))))
                .metadata(Map.of("fields", Map.of("order\u0000", List.of("x\u0000y", 3)))).build();

        InboundInteraction storable = StorableInteraction.of(in);

        assertThat(storable.subject()).isEqualTo("Hello");
        assertThat(storable.text()).isEqualTo("ab");
        assertThat(storable.html()).isEqualTo("<p></p>");
        assertThat(storable.from().name()).isEqualTo("Ada");
        assertThat(storable.metadata()).isEqualTo(Map.of("fields", Map.of("order", List.of("xy", 3))));
        assertThat(storable.flags()).contains(InteractionFlag.NUL_REMOVED);
    }

    @Test
    void aFileWithoutANameIsNamedByItsTypeWithoutFlaggingTheInteraction() {
        InboundInteraction in = mail().attachments(List.of(
                new AttachmentRef("ab", null, "text/calendar", 10, null),
                new AttachmentRef("cd", " ", "image/png", 10, "image001.png@01D9"),
                new AttachmentRef("ef", null, "application/x-unknown", 10, null))).build();

        InboundInteraction storable = StorableInteraction.of(in);

        assertThat(storable.attachments()).extracting(AttachmentRef::fileName)
                .containsExactly("invite.ics", "image001.png", "part-3.bin");
        assertThat(storable.flags()).doesNotContain(InteractionFlag.NUL_REMOVED);
    }
}
