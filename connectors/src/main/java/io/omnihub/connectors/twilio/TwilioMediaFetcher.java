package io.omnihub.connectors.twilio;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.util.Timeout;
import org.springframework.stereotype.Component;

/**
 * Fetches one MMS media file or call recording from Twilio with the inbox's account credentials.
 * Redirects are followed by hand (at most five), each target checked by the {@link MediaAddressPolicy};
 * credentials go to Twilio's API only, never after a redirect (to the storage Twilio sends us to). Files over the size
 * limit or of a type not allowed are refused for good; timeouts, 404 (the media is not there yet),
 * 429 and 5xx are reported as unavailable, to be tried again later.
 */
@Component
public class TwilioMediaFetcher {

    private static final int MAX_REDIRECTS = 5;
    private static final String TWILIO_API_HOST = "api.twilio.com";

    /** A fetched file. */
    public record Media(byte[] content, String contentType) {
    }

    /** The file could not be fetched now; a later attempt may succeed. */
    public static class MediaUnavailableException extends IOException {
        public MediaUnavailableException(String message) {
            super(message);
        }
    }

    /** What one request answered: a redirect, a file, or a status to act on. */
    private record Answer(int status, String location, Media media, String refusal) {
    }

    private final TwilioInboxes inboxes;
    private final TwilioMediaProperties limits;
    private final MediaAddressPolicy policy;
    private final CloseableHttpClient http;

    TwilioMediaFetcher(TwilioInboxes inboxes, TwilioMediaProperties limits) {
        this.inboxes = inboxes;
        this.limits = limits;
        Set<URI> gateways = inboxes.twilioInboxes().values().stream()
                .map(TwilioSettings::apiBaseUrl).filter(Objects::nonNull).collect(Collectors.toSet());
        this.policy = new MediaAddressPolicy(limits.hosts(), gateways, SystemDefaultDnsResolver.INSTANCE);
        Timeout connect = Timeout.of(limits.connectTimeout());
        this.http = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(policy)
                        .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(connect)
                                .setSocketTimeout(Timeout.of(limits.readTimeout())).build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom().setConnectionRequestTimeout(connect)
                        .setResponseTimeout(Timeout.of(limits.readTimeout())).build())
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableAuthCaching()
                .disableAutomaticRetries()
                .build();
    }

    /**
     * @param inbox the Twilio inbox whose account the media belongs to
     * @param url   the MediaUrl or RecordingUrl Twilio gave
     * @throws MediaRefusedException     never to be fetched: not a Twilio address, too large, a type not kept
     * @throws MediaUnavailableException not now: try again later (as may any other IOException)
     */
    public Media fetch(String inbox, URI url) throws MediaRefusedException, IOException {
        TwilioSettings twilio = inboxes.twilio(inbox)
                .orElseThrow(() -> new MediaRefusedException("inbox '" + inbox + "' is not a Twilio inbox"));
        URI next = throughGateway(url, twilio);
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            policy.check(next);
            HttpGet get = new HttpGet(next);
            if (hop == 0 && policy.takesCredentials(next)) {
                get.setHeader(HttpHeaders.AUTHORIZATION, "Basic " + Base64.getEncoder().encodeToString(
                        (twilio.accountSid() + ":" + twilio.authToken()).getBytes(StandardCharsets.UTF_8)));
            }
            Answer answer;
            try {
                answer = http.execute(get, this::answer);
            } catch (MediaAddressPolicy.AddressRefusedException e) {
                throw new MediaRefusedException(e.getMessage());
            } catch (java.net.UnknownHostException e) {
                throw new MediaUnavailableException("cannot resolve " + next.getHost() + ": " + e.getMessage());
            }
            if (answer.refusal() != null) {
                throw new MediaRefusedException(answer.refusal() + " (from " + next.getHost() + ")");
            }
            if (answer.media() != null) {
                return answer.media();
            }
            int status = answer.status();
            if (status >= 300 && status < 400) {
                if (answer.location() == null) {
                    throw new MediaRefusedException("a redirect without a Location from " + next.getHost());
                }
                next = next.resolve(answer.location());
                continue;
            }
            if (status == 404 || status == 408 || status == 429 || status >= 500) {
                throw new MediaUnavailableException(next.getHost() + " answered " + status);
            }
            throw new MediaRefusedException(next.getHost() + " answered " + status);
        }
        throw new MediaRefusedException("more than " + MAX_REDIRECTS + " redirects from " + url.getHost());
    }

    private Answer answer(ClassicHttpResponse response) throws IOException {
        int status = response.getCode();
        if (status != 200) {
            Header location = response.getFirstHeader(HttpHeaders.LOCATION);
            return new Answer(status, location == null ? null : location.getValue(), null, null);
        }
        String contentType = response.getEntity() == null ? null : response.getEntity().getContentType();
        if (!limits.allows(contentType)) {
            return new Answer(status, null, null, "media of type " + contentType
                    + " is not kept (omnihub.twilio.media.allowed-types)");
        }
        long max = limits.maxSize().toBytes();
        if (response.getEntity().getContentLength() > max) {
            return new Answer(status, null, null, "media of " + response.getEntity().getContentLength()
                    + " bytes is over the limit of " + max + " bytes");
        }
        byte[] content;
        try (InputStream in = response.getEntity().getContent()) {
            content = in.readNBytes((int) Math.min(max + 1, Integer.MAX_VALUE - 8));
        }
        if (content.length > max) {
            return new Answer(status, null, null, "media over the limit of " + max + " bytes");
        }
        return new Answer(status, null, new Media(content, contentType.split(";", 2)[0].strip()), null);
    }

    /** Twilio's API URLs go to the inbox's gateway when it has one, as the SDK's calls do. */
    private static URI throughGateway(URI url, TwilioSettings twilio) {
        if (twilio.apiBaseUrl() == null || url.getHost() == null || !TWILIO_API_HOST.equalsIgnoreCase(url.getHost())) {
            return url;
        }
        return URI.create(twilio.apiBaseUrl().toString().replaceAll("/$", "") + url.getRawPath()
                + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery()));
    }

    @PreDestroy
    void close() throws IOException {
        http.close();
    }
}
