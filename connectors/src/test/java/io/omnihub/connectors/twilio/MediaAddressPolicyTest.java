package io.omnihub.connectors.twilio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hc.client5.http.DnsResolver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The SSRF guard. Host names resolve through a fixed table here (the DNS is the seam), so a Twilio
 * host name that an attacker made resolve to a private address is refused the same way.
 */
class MediaAddressPolicyTest {

    private static final Map<String, String> DNS = Map.of(
            "api.twilio.com", "54.172.60.0",
            "media.twiliocdn.com", "10.0.0.5",
            "s3-external-1.amazonaws.com", "52.216.0.1",
            "rebound.twilio.com", "169.254.169.254",
            "gateway.internal", "127.0.0.1");

    private final MediaAddressPolicy policy = new MediaAddressPolicy(
            List.of("api.twilio.com", "*.twilio.com", "*.twiliocdn.com", "s3-external-1.amazonaws.com"),
            Set.of(URI.create("http://gateway.internal:8080")),
            new FixedDns());

    /** Answers from the table above; no network involved. */
    private static final class FixedDns implements DnsResolver {
        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            String address = DNS.get(host);
            if (address == null) {
                throw new UnknownHostException(host);
            }
            return new InetAddress[] {InetAddress.getByName(address)};
        }

        @Override
        public String resolveCanonicalHostname(String host) {
            return host;
        }
    }

    @Test
    void twilioMediaUrlsAndTheirStorageAreAllowed() throws Exception {
        assertThatCode(() -> policy.check(URI.create(
                "https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME1"))).doesNotThrowAnyException();
        assertThatCode(() -> policy.check(URI.create("https://s3-external-1.amazonaws.com/media.twiliocdn.com/AC1/x")))
                .doesNotThrowAnyException();
        assertThat(policy.resolve("api.twilio.com")).extracting(InetAddress::getHostAddress).containsExactly("54.172.60.0");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "https://evil.example.com/x.jpg",
        "https://api.twilio.com.evil.example/x.jpg",
        "https://eviltwilio.com/x.jpg",
        "http://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME1",
        "https://user:pass@api.twilio.com/x",
        "https://127.0.0.1/x",
        "https://169.254.169.254/latest/meta-data/",
        "http://10.0.0.5/x",
        "file:///etc/passwd",
        "http://gateway.internal:8081/other-port"})
    void everyOtherAddressIsRefused(String url) {
        assertThatThrownBy(() -> policy.check(URI.create(url))).isInstanceOf(MediaRefusedException.class);
    }

    @Test
    void anAllowedNameResolvingToAPrivateAddressIsRefusedAtConnectTime() {
        assertThatThrownBy(() -> policy.resolve("media.twiliocdn.com"))
                .isInstanceOf(MediaAddressPolicy.AddressRefusedException.class).hasMessageContaining("10.0.0.5");
        assertThatThrownBy(() -> policy.resolve("rebound.twilio.com"))
                .isInstanceOf(MediaAddressPolicy.AddressRefusedException.class).hasMessageContaining("169.254.169.254");
    }

    @Test
    void theConfiguredGatewayIsTrustedOnItsOwnOriginOnly() throws Exception {
        assertThatCode(() -> policy.check(URI.create("http://gateway.internal:8080/2010-04-01/x")))
                .doesNotThrowAnyException();
        assertThat(policy.resolve("gateway.internal")).hasSize(1);
        assertThat(policy.takesCredentials(URI.create("http://gateway.internal:8080/x"))).isTrue();
    }

    @Test
    void credentialsGoToTwilioOnlyNeverToStorage() {
        assertThat(policy.takesCredentials(URI.create("https://api.twilio.com/x"))).isTrue();
        assertThat(policy.takesCredentials(URI.create("https://s3-external-1.amazonaws.com/x"))).isFalse();
        assertThat(policy.takesCredentials(URI.create("https://media.twiliocdn.com/x"))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1",
        "0.0.0.0", "224.0.0.1", "255.255.255.255", "::1", "fe80::1", "fd00::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1"})
    void nonPublicAddresses(String address) throws Exception {
        assertThat(MediaAddressPolicy.isPublic(InetAddress.getByName(address))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"54.172.60.0", "8.8.8.8", "2600:1f18::1"})
    void publicAddresses(String address) throws Exception {
        assertThat(MediaAddressPolicy.isPublic(InetAddress.getByName(address))).isTrue();
    }
}
