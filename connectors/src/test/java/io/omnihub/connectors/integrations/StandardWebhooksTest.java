package io.omnihub.connectors.integrations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Against the Standard Webhooks reference test vector (the specification's own example): secret
 * {@code whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw}, id {@code msg_p5jXN8AQM9LWM0D4loKWxJek}, timestamp
 * 1614265330, body {@code {"test": 2432232314}}, signature
 * {@code v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=}.
 */
class StandardWebhooksTest {

    static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    static final long TIMESTAMP = 1614265330;
    static final byte[] BODY = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);
    static final String SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    @Test
    void signsLikeTheReferenceVector() {
        assertThat(StandardWebhooks.sign(List.of(SECRET), ID, TIMESTAMP, BODY)).isEqualTo(SIGNATURE);
    }

    @Test
    void verifiesTheReferenceVectorWithinTheTolerance() {
        Instant then = Instant.ofEpochSecond(TIMESTAMP);
        assertThat(StandardWebhooks.verify(List.of(SECRET), ID, String.valueOf(TIMESTAMP), SIGNATURE, BODY, then))
                .isTrue();
        assertThat(StandardWebhooks.verify(List.of(SECRET), ID, String.valueOf(TIMESTAMP), SIGNATURE, BODY,
                then.plusSeconds(301))).isFalse();
    }

    @Test
    void duringRotationBothSecretsSignAndEitherVerifies() {
        String next = "whsec_" + java.util.Base64.getEncoder().encodeToString("a-new-secret-of-32-bytes-length!".getBytes(
                StandardCharsets.UTF_8));
        String header = StandardWebhooks.sign(List.of(next, SECRET), ID, TIMESTAMP, BODY);
        assertThat(header.split(" ")).hasSize(2).contains(SIGNATURE);
        Instant then = Instant.ofEpochSecond(TIMESTAMP);
        assertThat(StandardWebhooks.verify(List.of(SECRET), ID, String.valueOf(TIMESTAMP), header, BODY, then)).isTrue();
        assertThat(StandardWebhooks.verify(List.of(next), ID, String.valueOf(TIMESTAMP), header, BODY, then)).isTrue();
    }

    @Test
    void anAlteredBodyIdOrTimestampFails() {
        Instant then = Instant.ofEpochSecond(TIMESTAMP);
        assertThat(StandardWebhooks.verify(List.of(SECRET), ID, String.valueOf(TIMESTAMP), SIGNATURE,
                "{\"test\": 2432232315}".getBytes(StandardCharsets.UTF_8), then)).isFalse();
        assertThat(StandardWebhooks.verify(List.of(SECRET), "msg_other", String.valueOf(TIMESTAMP), SIGNATURE, BODY,
                then)).isFalse();
        assertThat(StandardWebhooks.verify(List.of(SECRET), ID, String.valueOf(TIMESTAMP + 1), SIGNATURE, BODY,
                then)).isFalse();
        assertThat(StandardWebhooks.verify(List.of(SECRET), ID, "soon", SIGNATURE, BODY, then)).isFalse();
        assertThat(StandardWebhooks.verify(List.of(SECRET), ID, String.valueOf(TIMESTAMP), "v1,not-base64!", BODY,
                then)).isFalse();
    }

    @Test
    void secretsMustBeWellFormed() {
        assertThat(StandardWebhooks.wellFormed(SECRET)).isTrue();
        assertThat(StandardWebhooks.wellFormed("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")).isFalse();
        assertThat(StandardWebhooks.wellFormed("whsec_c2hvcnQ=")).isFalse();
    }
}
