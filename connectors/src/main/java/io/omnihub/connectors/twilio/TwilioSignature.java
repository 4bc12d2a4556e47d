package io.omnihub.connectors.twilio;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Twilio's webhook signature ({@code X-Twilio-Signature}): Base64 of HMAC-SHA1, keyed with the
 * account's auth token, over the full URL Twilio called followed by every POST parameter, sorted
 * by name, as name and value concatenated (a repeated name contributes each of its values, in
 * value order). Twilio may have signed the URL with or without the scheme's default port, so both
 * forms are accepted. Compared in constant time.
 */
public final class TwilioSignature {

    public static final String HEADER = "X-Twilio-Signature";

    private TwilioSignature() {
    }

    public static boolean valid(String authToken, URI url, FormParameters parameters, String signature) {
        if (signature == null || signature.isBlank()) {
            return false;
        }
        byte[] given = signature.strip().getBytes(StandardCharsets.US_ASCII);
        for (String candidate : urlForms(url)) {
            byte[] expected = sign(authToken, candidate, parameters).getBytes(StandardCharsets.US_ASCII);
            if (MessageDigest.isEqual(expected, given)) {
                return true;
            }
        }
        return false;
    }

    static String sign(String authToken, String url, FormParameters parameters) {
        StringBuilder data = new StringBuilder(url);
        List<Map.Entry<String, String>> sorted = new ArrayList<>(parameters.entries());
        sorted.sort(Comparator.<Map.Entry<String, String>, String>comparing(Map.Entry::getKey)
                .thenComparing(Map.Entry::getValue));
        for (Map.Entry<String, String> entry : sorted) {
            data.append(entry.getKey()).append(entry.getValue());
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The URL as given, and with the scheme's default port added or removed. */
    static List<String> urlForms(URI url) {
        String given = url.toString();
        int defaultPort = "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
        String withPort;
        String withoutPort;
        String rest = (url.getRawPath() == null ? "" : url.getRawPath())
                + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
        String userInfo = url.getRawUserInfo() == null ? "" : url.getRawUserInfo() + "@";
        withoutPort = url.getScheme() + "://" + userInfo + url.getHost() + rest;
        withPort = url.getScheme() + "://" + userInfo + url.getHost() + ":" + defaultPort + rest;
        if (url.getPort() != -1 && url.getPort() != defaultPort) {
            return List.of(given);
        }
        return List.of(given, withPort, withoutPort).stream().distinct().toList();
    }
}
