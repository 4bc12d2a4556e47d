package io.omnihub.connectors.webform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** Signatures are computed here independently of the code under test. */
class WebFormSignatureTest {

    private static final String SECRET = "s3cret";
    private final byte[] body = "{\"email\":\"a@b.io\"}".getBytes(StandardCharsets.UTF_8);
    private final Instant now = Instant.parse("2026-11-24T12:00:00Z");

    private static String hmac(String secret, String payload) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void validSignatureIsAccepted() throws Exception {
        long t = now.getEpochSecond();
        String header = "t=" + t + ",v1=" + hmac(SECRET, t + "." + new String(body, StandardCharsets.UTF_8));
        assertThat(WebFormSignature.problem(SECRET, header, body, now)).isNull();
    }

    @Test
    void signatureOverAnotherBodyOrWithAnotherSecretIsRefused() throws Exception {
        long t = now.getEpochSecond();
        assertThat(WebFormSignature.problem(SECRET, "t=" + t + ",v1=" + hmac(SECRET, t + ".{}"), body, now))
                .contains("does not match");
        String other = "t=" + t + ",v1=" + hmac("other", t + "." + new String(body, StandardCharsets.UTF_8));
        assertThat(WebFormSignature.problem(SECRET, other, body, now)).contains("does not match");
    }

    @Test
    void oldTimestampIsRefusedEvenWithAValidMac() throws Exception {
        long t = now.minusSeconds(301).getEpochSecond();
        String header = "t=" + t + ",v1=" + hmac(SECRET, t + "." + new String(body, StandardCharsets.UTF_8));
        assertThat(WebFormSignature.problem(SECRET, header, body, now)).contains("5 minutes");
    }

    @Test
    void missingOrMalformedHeaderIsRefusedWithAReason() {
        assertThat(WebFormSignature.problem(SECRET, null, body, now)).contains("missing");
        assertThat(WebFormSignature.problem(SECRET, "sha256=abc", body, now)).contains("t=<unix seconds>");
        assertThat(WebFormSignature.problem(SECRET, "t=1,v1=zz", body, Instant.ofEpochSecond(1))).contains("hexadecimal");
    }
}
