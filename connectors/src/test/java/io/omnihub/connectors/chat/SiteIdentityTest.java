package io.omnihub.connectors.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class SiteIdentityTest {

    private final ChatSettings chat = new ChatSettings(List.of("https://shop.example.com"),
            "site-identity-secret-123", null, null, null, null, null, null, null, null);

    /**
     * HMAC-SHA256(key "site-identity-secret-123", "user-42"), computed independently with
     * {@code printf %s user-42 | openssl dgst -sha256 -hmac site-identity-secret-123}.
     */
    private static final String USER_42 = "a9671d147adcd74ac23647a859da2e14105a01743b42751688cd5bd63a06d7a2";

    @Test
    void onlyTheRightSignatureVouchesForAUserId() {
        assertThat(SiteIdentity.refusal(chat, "user-42", USER_42)).isNull();
        assertThat(SiteIdentity.refusal(chat, "user-42", USER_42.toUpperCase())).isNull();
        assertThat(SiteIdentity.refusal(chat, "user-43", USER_42)).contains("wrong");
        assertThat(SiteIdentity.refusal(chat, "user-42", null)).contains("not signed");
        assertThat(SiteIdentity.refusal(chat, "user-42", "zz")).contains("not hex");
        assertThat(SiteIdentity.refusal(chat, "x".repeat(201), USER_42)).contains("200");
    }

    @Test
    void aChatWithoutAnIdentitySecretRefusesEveryUserId() {
        ChatSettings open = new ChatSettings(List.of("https://shop.example.com"), null, null, null, null, null, null,
                null, null, null);
        assertThat(SiteIdentity.refusal(open, "user-42", USER_42)).contains("no identity secret");
    }
}
