package io.omnihub.connectors.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;

import org.junit.jupiter.api.Test;

class ChatTokensTest {

    private final ChatTokens tokens = new ChatTokens("a-secret-of-the-hub-0123456789");
    private final ChatVisitor ada = new ChatVisitor("chat", "visitor-1", "session-1", "Ada", "ada@example.com", null);

    @Test
    void aSignedTokenReadsBackAsTheSameVisitor() {
        assertThat(tokens.read(tokens.sign(ada))).isEqualTo(ada);
        ChatVisitor signedIn = new ChatVisitor("chat", "v", "s", "Bo", null, "user-42");
        assertThat(tokens.read(tokens.sign(signedIn)).externalIdentity()).isEqualTo("chat:user-42");
    }

    @Test
    void aTokenChangedAnywhereOrSignedWithAnotherSecretIsRefused() {
        String token = tokens.sign(ada);
        String payload = token.substring(0, token.indexOf('.'));
        String claims = new String(Base64.getUrlDecoder().decode(payload)).replace("visitor-1", "visitor-2");
        String altered = Base64.getUrlEncoder().withoutPadding().encodeToString(claims.getBytes())
                + token.substring(token.indexOf('.'));
        assertThat(tokens.read(altered)).isNull();
        assertThat(tokens.read(token.substring(0, token.length() - 2) + "AA")).isNull();
        assertThat(new ChatTokens("another-secret-0123456789").read(token)).isNull();
        assertThat(tokens.read(null)).isNull();
        assertThat(tokens.read("no-dot")).isNull();
        assertThat(tokens.read("a.b.c")).isNull();
        assertThat(tokens.read(payload + ".%%%")).isNull();
    }
}
