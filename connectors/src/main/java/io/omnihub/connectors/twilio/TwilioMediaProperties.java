package io.omnihub.connectors.twilio;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How MMS media and call recordings are fetched from Twilio, {@code omnihub.twilio.media}.
 *
 * @param hosts          the hosts media may come from, a leading {@code *.} matching any sub-domain:
 *                       Twilio's API and media hosts and the storage its media URLs redirect to.
 *                       An inbox's {@code api-base-url} is trusted as well
 * @param maxSize        the largest file fetched (default 16 MB, WhatsApp's limit; MMS is 5 MB)
 * @param allowedTypes   the content types kept, {@code type/*} matching a whole type
 * @param connectTimeout how long to wait for a connection (default 5 s)
 * @param readTimeout    how long to wait for data (default 30 s)
 * @param pollInterval   how often due fetches are looked for (default 2 s)
 * @param maxAttempts    how many times a fetch is tried before it is given up (default 12, about 17 hours)
 * @param firstRetry     the wait after the first failure, doubled after each further one up to an hour
 */
@ConfigurationProperties("omnihub.twilio.media")
public record TwilioMediaProperties(
        @DefaultValue({"api.twilio.com", "*.twilio.com", "*.twiliocdn.com", "s3-external-1.amazonaws.com",
                "*.s3.amazonaws.com"}) List<String> hosts,
        @DefaultValue("16MB") DataSize maxSize,
        @DefaultValue({"image/*", "audio/*", "video/*", "application/pdf", "text/vcard", "text/x-vcard",
                "text/calendar", "text/plain"}) List<String> allowedTypes,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("30s") Duration readTimeout,
        @DefaultValue("2s") Duration pollInterval,
        @DefaultValue("12") int maxAttempts,
        @DefaultValue("30s") Duration firstRetry) {

    /** Whether a content type (parameters ignored) is one that is kept. */
    public boolean allows(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.split(";", 2)[0].strip().toLowerCase(java.util.Locale.ROOT);
        return allowedTypes.stream().map(t -> t.toLowerCase(java.util.Locale.ROOT)).anyMatch(allowed ->
                allowed.endsWith("/*") ? type.startsWith(allowed.substring(0, allowed.length() - 1))
                        : type.equals(allowed));
    }

    /** The wait before attempt {@code attempt + 1}, after {@code attempt} failed. */
    public Duration retryAfter(int attempt) {
        Duration wait = firstRetry.multipliedBy(1L << Math.min(Math.max(attempt - 1, 0), 20));
        return wait.compareTo(Duration.ofHours(1)) > 0 ? Duration.ofHours(1) : wait;
    }
}
