package io.omnihub.connectors.twilio;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The parameters of an {@code application/x-www-form-urlencoded} body exactly as sent: every
 * key and value percent-decoded, repeated keys kept in order. Twilio signs these, so they are read
 * from the raw body rather than through a framework that might drop or merge some.
 */
public record FormParameters(List<Map.Entry<String, String>> entries) {

    /**
     * @throws IllegalArgumentException naming what is wrong, when the body is not form encoding (a
     *                                  {@code %} not followed by two hex digits, say)
     */
    public static FormParameters parse(byte[] body) {
        List<Map.Entry<String, String>> entries = new ArrayList<>();
        String text = new String(body, StandardCharsets.US_ASCII);
        if (!text.isEmpty()) {
            for (String pair : text.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String key = eq < 0 ? pair : pair.substring(0, eq);
                String value = eq < 0 ? "" : pair.substring(eq + 1);
                try {
                    entries.add(Map.entry(URLDecoder.decode(key, StandardCharsets.UTF_8),
                            URLDecoder.decode(value, StandardCharsets.UTF_8)));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("the body is not form encoding: '"
                            + (pair.length() > 40 ? pair.substring(0, 40) + "…" : pair) + "' has a bad % escape");
                }
            }
        }
        return new FormParameters(List.copyOf(entries));
    }

    /** The first value of a parameter, or null. */
    public String get(String name) {
        return entries.stream().filter(e -> e.getKey().equals(name)).map(Map.Entry::getValue).findFirst()
                .orElse(null);
    }
}
