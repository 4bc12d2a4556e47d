package io.omnihub.connectors.twilio;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.hc.client5.http.DnsResolver;

/**
 * Where media may be fetched from (the server-side request forgery guard). A URL must be https on
 * one of the allowed hosts (or exactly a configured Twilio-compatible gateway), without user info;
 * and every address a host resolves to must be public — no loopback, private, link-local (cloud
 * metadata), carrier-grade NAT, unique-local or multicast address. The address check runs as the
 * HTTP client's DNS resolver, so it applies to the very addresses connected to, on every redirect.
 */
final class MediaAddressPolicy implements DnsResolver {

    /** A host that resolves to an address media is never fetched from. */
    static final class AddressRefusedException extends UnknownHostException {
        AddressRefusedException(String message) {
            super(message);
        }
    }

    private final List<String> hosts;
    private final Set<URI> gateways;
    private final DnsResolver dns;

    /**
     * @param hosts    allowed host names; {@code *.example.com} matches any sub-domain
     * @param gateways origins (scheme, host, port) trusted as configured, private addresses included
     * @param dns      the resolver asked for addresses
     */
    MediaAddressPolicy(List<String> hosts, Set<URI> gateways, DnsResolver dns) {
        this.hosts = hosts.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
        this.gateways = gateways.stream().map(MediaAddressPolicy::origin).collect(java.util.stream.Collectors.toSet());
        this.dns = dns;
    }

    /** Refuses a URL that is not https on an allowed host, or a gateway. */
    void check(URI url) throws MediaRefusedException {
        if (url.getHost() == null || url.getScheme() == null) {
            throw new MediaRefusedException("not an absolute URL: " + url);
        }
        if (url.getRawUserInfo() != null) {
            throw new MediaRefusedException("a media URL may not carry user info: " + url.getHost());
        }
        if (isGateway(url)) {
            return;
        }
        if (!"https".equalsIgnoreCase(url.getScheme())) {
            throw new MediaRefusedException("media is fetched over https only, not " + url.getScheme() + "://"
                    + url.getHost());
        }
        if (!allowedHost(url.getHost())) {
            throw new MediaRefusedException("media is fetched from Twilio's hosts only, not " + url.getHost());
        }
    }

    boolean isGateway(URI url) {
        return gateways.contains(origin(url));
    }

    /** Whether Twilio credentials may be sent there: Twilio's own API, or a gateway. */
    boolean takesCredentials(URI url) {
        String host = url.getHost().toLowerCase(Locale.ROOT);
        return isGateway(url) || host.equals("api.twilio.com") || host.endsWith(".twilio.com");
    }

    private boolean allowedHost(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return hosts.stream().anyMatch(allowed -> allowed.startsWith("*.")
                ? h.endsWith(allowed.substring(1)) && h.length() > allowed.length() - 1
                : h.equals(allowed));
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        InetAddress[] addresses = dns.resolve(host);
        boolean gatewayHost = gateways.stream().anyMatch(g -> g.getHost().equalsIgnoreCase(host));
        if (!gatewayHost) {
            for (InetAddress address : addresses) {
                if (!isPublic(address)) {
                    throw new AddressRefusedException(host + " resolves to " + address.getHostAddress()
                            + ", which is not a public address");
                }
            }
        }
        return addresses;
    }

    @Override
    public String resolveCanonicalHostname(String host) throws UnknownHostException {
        return dns.resolveCanonicalHostname(host);
    }

    static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) {
                return false; // fc00::/7 unique local
            }
            boolean mapped = Arrays.equals(Arrays.copyOf(b, 10), new byte[10]) && (b[10] & 0xff) == 0xff
                    && (b[11] & 0xff) == 0xff;
            boolean compatible = Arrays.equals(Arrays.copyOf(b, 12), new byte[12]);
            if (mapped || compatible) {
                try {
                    return isPublic(InetAddress.getByAddress(Arrays.copyOfRange(b, 12, 16)));
                } catch (UnknownHostException e) {
                    return false;
                }
            }
            return true;
        }
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first != 0 // this network
                    && !(first == 100 && second >= 64 && second < 128) // carrier-grade NAT
                    && !(first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
                    && !(first == 198 && (second == 18 || second == 19)) // benchmarking
                    && first < 240; // reserved, broadcast
        }
        return false;
    }

    private static URI origin(URI url) {
        int port = url.getPort() >= 0 ? url.getPort() : "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
        return URI.create(url.getScheme().toLowerCase(Locale.ROOT) + "://" + url.getHost().toLowerCase(Locale.ROOT)
                + ":" + port);
    }
}
