package io.omnihub.connectors.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import com.twilio.security.RequestValidator;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The hub's signature check accepts exactly what twilio-java's own {@code RequestValidator}
 * accepts, for generated URLs (http and https, no port, the default port, another port; paths,
 * query strings) signed for any of their forms (as configured, port added, port removed, another
 * port), with single-valued parameters of any text. One known difference, on purpose: a query with
 * percent-escapes signed for the port-toggled URL, which twilio-java refuses because it rebuilds that
 * URL from decoded parts ({@code %2B} becomes {@code +}); Twilio signs the URL as it calls it, escapes
 * and all, as twilio-node and twilio-python check it, and so does the hub.
 */
class TwilioSignatureAgreesWithTwiliosValidatorTest {

    private static final String TOKEN = "it-twilio-auth-token";

    record Case(String scheme, String host, Integer port, String path, String query, Map<String, String> params,
            int signedForm) {
        String url(Integer withPort) {
            return scheme + "://" + host + (withPort == null ? "" : ":" + withPort) + path
                    + (query.isEmpty() ? "" : "?" + query);
        }
    }

    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<String> scheme = Arbitraries.of("https", "http");
        Arbitrary<String> host = Arbitraries.of("hub.example.com", "proxy.example.com", "10.0.0.7");
        Arbitrary<Integer> port = Arbitraries.of(-1, 443, 80, 8443, 8080);
        Arbitrary<String> path = Arbitraries.of("/channels/twilio/sms", "/omnihub/channels/twilio/voice/status",
                "/channels/twilio/sms/status");
        // no percent-escapes here: twilio-java rebuilds a port-toggled URL from its decoded parts (see below)
        Arbitrary<String> query = Arbitraries.of("", "inbox=texts", "inbox=texts&agent=alice", "a=1&b=2");
        Arbitrary<Map<String, String>> params = Arbitraries.maps(
                Arbitraries.strings().withCharRange('A', 'z').ofMinLength(1).ofMaxLength(12),
                Arbitraries.strings().all().ofMaxLength(20)).ofMaxSize(8);
        return Combinators.combine(scheme, host, port, path, query, params, Arbitraries.integers().between(0, 3))
                .as((s, h, p, pa, q, ps, form) -> new Case(s, h, p == -1 ? null : p, pa, q, ps, form));
    }

    @net.jqwik.api.Example
    void aQueryWithEscapesSignedForThePortlessUrlIsAcceptedWhereTwilioJavaRebuildsItWrongly() {
        String configured = "https://hub.example.com:443/channels/twilio/sms?a=1&b=%2B1";
        String signedFor = "https://hub.example.com/channels/twilio/sms?a=1&b=%2B1";
        FormParameters form = FormParameters.parse("Body=hi".getBytes(StandardCharsets.US_ASCII));
        String signature = TwilioSignature.sign(TOKEN, signedFor, form);
        assertThat(TwilioSignature.valid(TOKEN, URI.create(configured), form, signature)).isTrue();
        assertThat(new RequestValidator(TOKEN).validate(configured, Map.of("Body", "hi"), signature)).isFalse();
    }

    @Property(tries = 500, seed = "20261202")
    void acceptsExactlyWhatTwiliosValidatorAccepts(@ForAll("cases") Case c) {
        String configured = c.url(c.port());
        Integer signedPort = switch (c.signedForm()) {
            case 0 -> c.port();
            case 1 -> c.scheme().equals("https") ? 443 : 80;
            case 2 -> null;
            default -> 9443;
        };
        String signedUrl = c.url(signedPort);
        FormParameters form = FormParameters.parse(c.params().entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&")).getBytes(StandardCharsets.US_ASCII));
        Map<String, String> single = new LinkedHashMap<>();
        form.entries().forEach(e -> single.putIfAbsent(e.getKey(), e.getValue()));
        String signature = TwilioSignature.sign(TOKEN, signedUrl, form);

        boolean twilio = new RequestValidator(TOKEN).validate(configured, single, signature);
        boolean ours = TwilioSignature.valid(TOKEN, URI.create(configured), form, signature);
        assertThat(ours).as("configured %s, signed for %s", configured, signedUrl).isEqualTo(twilio);
    }
}
