package io.omnihub.routes.integrations.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills {@code ${path}} placeholders from an event envelope: {@code ${type}}, {@code ${eventId}},
 * {@code ${data.customerId}}, any dotted path into the envelope; {@code ${event}} is the whole
 * envelope as JSON. Text values are JSON-escaped (the template supplies the quotes), numbers and
 * booleans written as they are, objects as JSON; a path that is not there gives nothing.
 */
final class EnvelopeTemplate {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_.]+)}");

    private EnvelopeTemplate() {
    }

    static String fill(String template, JsonNode envelope, boolean forUrl) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(value(envelope, m.group(1), forUrl)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String value(JsonNode envelope, String path, boolean forUrl) {
        if (path.equals("event")) {
            return envelope.toString();
        }
        JsonNode node = envelope;
        for (String part : path.split("\\.")) {
            node = node == null ? null : node.get(part);
        }
        if (node == null || node.isNull() || node.isMissingNode()) {
            return "";
        }
        if (node.isValueNode()) {
            String text = node.asText();
            if (forUrl) {
                return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
            }
            if (node.isTextual()) {
                String quoted = node.toString();
                return quoted.substring(1, quoted.length() - 1);
            }
            return text;
        }
        return node.toString();
    }
}
