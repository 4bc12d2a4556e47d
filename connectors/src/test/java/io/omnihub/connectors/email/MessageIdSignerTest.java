package io.omnihub.connectors.email;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MessageIdSignerTest {

    private final MessageIdSigner signer = new MessageIdSigner("a-server-secret-of-some-length");

    @Test
    void aSignedIdNamesItsConversation() {
        String id = signer.sign(1234, "support.example.com");
        assertThat(id).startsWith("omh.1234.").endsWith("@support.example.com");
        assertThat(signer.conversationOf(id)).contains(1234L);
        assertThat(signer.sign(1234, "x.test")).isNotEqualTo(signer.sign(1234, "x.test"));
    }

    @Test
    void forgedOrTamperedIdsAreNotRecognised() {
        String id = signer.sign(1234, "support.example.com");
        assertThat(signer.conversationOf(id.replace("omh.1234.", "omh.1235."))).isEmpty();
        assertThat(signer.conversationOf(new MessageIdSigner("another-secret-entirely!").sign(1234, "s.test")))
                .isEmpty();
        assertThat(signer.conversationOf("omh.1234.0000000000000000.00000000000000000000000000000000@x")).isEmpty();
        assertThat(signer.conversationOf("CAFx1234@mail.gmail.com")).isEmpty();
        assertThat(signer.conversationOf(null)).isEmpty();
    }
}
