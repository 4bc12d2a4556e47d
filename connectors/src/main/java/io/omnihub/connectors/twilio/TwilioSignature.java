package io.omnihub.connectors.twilio;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Twilio's webhook signature ({@code X-Twilio-Signature}), checked the way Twilio's own request
 * validators check it: Base64 of HMAC-SHA1, keyed with the account's auth token, over the full URL
 * Twilio called followed by every POST parameter sorted by name, as name and value concatenated;
 * a name given several times contributes each of its distinct values, in value order (as
 * twilio-node and twilio-python do). The URL is tried as given and with its port toggled as
 * twilio-java does: without a port, also with the scheme's default port; with any port, also
 * without it. Compared in constant time.
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
        SortedMap<String, SortedSet<String>> sorted = new TreeMap<>();
        for (Map.Entry<String, String> entry : parameters.entries()) {
            sorted.computeIfAbsent(entry.getKey(), k -> new TreeSet<>()).add(entry.getValue());
        }
        sorted.forEach((name, values) -> values.forEach(value -> data.append(name).append(value)));
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The URL as given, and with its port toggled: added (the scheme's default) when it has none, else removed. */
    static List<String> urlForms(URI url) {
        String rest = (url.getRawPath() == null ? "" : url.getRawPath())
                + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
        String userInfo = url.getRawUserInfo() == null ? "" : url.getRawUserInfo() + "@";
        String toggled = url.getPort() == -1
                ? url.getScheme() + "://" + userInfo + url.getHost() + ":"
                        + ("https".equals(url.getScheme()) ? 443 : 80) + rest
                : url.getScheme() + "://" + userInfo + url.getHost() + rest;
        return List.of(url.toString(), toggled).stream().distinct().toList();
    }
}
