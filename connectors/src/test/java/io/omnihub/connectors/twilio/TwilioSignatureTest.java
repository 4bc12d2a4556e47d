package io.omnihub.connectors.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Twilio's own documented example (docs "Webhooks security"): auth token 12345, the URL and
 * parameters below, signature {@code 0/KCTR6DLpKmkAf8muzZqo1nDgQ=}; computed by Twilio, not by us.
 */
class TwilioSignatureTest {

    static final String TOKEN = "12345";
    static final String URL = "https://mycompany.com/myapp.php?foo=1&bar=2";
    static final String BODY = "CallSid=CA1234567890ABCDE&Caller=%2B12349013030&Digits=1234&From=%2B12349013030"
            + "&To=%2B18005551212";
    static final String SIGNATURE = "0/KCTR6DLpKmkAf8muzZqo1nDgQ=";

    private static FormParameters params(String body) {
        return FormParameters.parse(body.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void twiliosDocumentedExampleIsValid() {
        assertThat(TwilioSignature.valid(TOKEN, URI.create(URL), params(BODY), SIGNATURE)).isTrue();
    }

    @Test
    void theDefaultPortMayBeAddedOrLeftOut() {
        assertThat(TwilioSignature.valid(TOKEN, URI.create("https://mycompany.com:443/myapp.php?foo=1&bar=2"),
                params(BODY), SIGNATURE)).isTrue();
        assertThat(TwilioSignature.urlForms(URI.create("https://h.example/p")))
                .containsExactly("https://h.example/p", "https://h.example:443/p");
        assertThat(TwilioSignature.urlForms(URI.create("http://h.example:8080/p")))
                .containsExactly("http://h.example:8080/p", "http://h.example/p");
    }

    @Test
    void anyChangeBreaksTheSignature() {
        assertThat(TwilioSignature.valid("54321", URI.create(URL), params(BODY), SIGNATURE)).isFalse();
        assertThat(TwilioSignature.valid(TOKEN, URI.create(URL.replace("foo=1", "foo=2")), params(BODY), SIGNATURE))
                .isFalse();
        assertThat(TwilioSignature.valid(TOKEN, URI.create(URL), params(BODY.replace("Digits=1234", "Digits=1235")),
                SIGNATURE)).isFalse();
        assertThat(TwilioSignature.valid(TOKEN, URI.create(URL), params(BODY), null)).isFalse();
    }

    @Test
    void aRepeatedValueCountsOnceAsTwilioNodeAndPythonSignIt() {
        assertThat(TwilioSignature.sign("t", "https://x/y", params("Digits=5678&Digits=1234&Digits=1234&Sid=CA1")))
                .isEqualTo(TwilioSignature.sign("t", "https://x/y", params("Digits=1234&Digits=5678&Sid=CA1")));
    }

    @Test
    void repeatedKeysAreEachSignedAndPercentEncodingIsDecoded() {
        FormParameters repeated = params("MediaUrl=b&Body=a+b%26c&MediaUrl=a");
        assertThat(repeated.get("Body")).isEqualTo("a b&c");
        assertThat(TwilioSignature.sign("t", "https://x/y", repeated))
                .isEqualTo(TwilioSignature.sign("t", "https://x/y", params("Body=a+b%26c&MediaUrl=a&MediaUrl=b")));
    }
}
