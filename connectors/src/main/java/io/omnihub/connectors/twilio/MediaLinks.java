package io.omnihub.connectors.twilio;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signed, expiring URLs under which the hub serves a reply's files for Twilio to fetch
 * ({@code MediaUrl}): {@code <public-base-url>/channels/twilio/media/<inbox>/<attachment>/<name>?expires=..&signature=..},
 * the signature an HMAC-SHA256 over inbox, attachment and expiry keyed with the inbox's auth token.
 * Nobody can list the files or fetch one after its link has expired.
 */
public final class MediaLinks {

    /** How long a link works: Twilio fetches at once, and again only when it retries the send. */
    public static final Duration VALID_FOR = Duration.ofHours(24);
    public static final String PATH = "/channels/twilio/media/";

    private MediaLinks() {
    }

    public static URI link(TwilioSettings twilio, String inbox, long attachmentId, String fileName, Instant now) {
        long expires = now.plus(VALID_FOR).getEpochSecond();
        String name = URLEncoder.encode(fileName == null || fileName.isBlank() ? "file" : fileName,
                StandardCharsets.UTF_8).replace("+", "%20");
        return twilio.callbackUrl(PATH + inbox + "/" + attachmentId + "/" + name + "?expires=" + expires
                + "&signature=" + signature(twilio.authToken(), inbox, attachmentId, expires));
    }

    /** Whether the link was signed by this hub for this inbox and attachment and has not expired. */
    public static boolean valid(TwilioSettings twilio, String inbox, long attachmentId, long expires, String signature,
            Instant now) {
        if (signature == null || now.getEpochSecond() > expires) {
            return false;
        }
        return MessageDigest.isEqual(signature(twilio.authToken(), inbox, attachmentId, expires)
                .getBytes(StandardCharsets.US_ASCII), signature.getBytes(StandardCharsets.US_ASCII));
    }

    private static String signature(String authToken, String inbox, long attachmentId, long expires) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(("omnihub-media:" + inbox + ":"
                    + attachmentId + ":" + expires).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
