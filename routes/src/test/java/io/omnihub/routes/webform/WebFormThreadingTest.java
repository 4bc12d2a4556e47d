package io.omnihub.routes.webform;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnihub.connectors.bus.Address;
import io.omnihub.connectors.bus.InboundInteraction;
import io.omnihub.connectors.bus.Sender;
import io.omnihub.connectors.bus.ThreadHints;
import io.omnihub.routes.correlation.ThreadDecision;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every web-form submission is a new request: it opens its own conversation, whatever it names. */
class WebFormThreadingTest {

    private final WebFormThreading threading = new WebFormThreading();

    @Test
    void aSubmissionOpensItsOwnConversationWhateverThreadItNames() {
        InboundInteraction submission = InboundInteraction.builder("webform", "contact", "sub-8d1f2c")
                .kind("FORM_SUBMISSION").occurredAt(Instant.parse("2026-03-02T10:15:30Z"))
                .from(new Sender("Dana Weiss", List.of(Address.email("dana.weiss@example.com"))))
                .subject("Re: Contract renewal [#42]")
                .thread(new ThreadHints("omh.42.0011223344556677.00112233445566778899aabbccddeeff@omnihub.example",
                        List.of(), null, "form-session-42"))
                .build();

        ThreadDecision decision = threading.decide(submission, null, null);

        assertThat(threading.channel()).isEqualTo("webform");
        assertThat(decision.opensConversation()).isTrue();
        assertThat(decision.rule()).isEqualTo("webform-submission");
        assertThat(decision.threadKey()).isNull();
        assertThat(decision.previous()).isNull();
        assertThat(decision.claimed()).isNull();
    }
}
