package io.omnihub.console.canned;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The merge fields of canned responses: {@code {{customer.firstName}}}, with an optional fallback
 * for a value the customer does not have, {@code {{customer.firstName|there}}}. Filled as plain
 * text; the reply is text, so nothing in a value is ever read as markup.
 */
public final class MergeFields {

    public static final Set<String> KNOWN = Set.of("customer.name", "customer.firstName", "customer.email",
            "customer.phone", "customer.erpNumber", "agent.name", "conversation.id", "conversation.subject",
            "inbox.name");

    private static final Pattern FIELD = Pattern.compile("\\{\\{\\s*([A-Za-z]+\\.[A-Za-z]+)\\s*(?:\\|([^}]*))?}}");

    private MergeFields() {
    }

    /** The fields a body names that do not exist, in order of appearance. */
    public static List<String> unknown(String body) {
        List<String> unknown = new ArrayList<>();
        Matcher m = FIELD.matcher(body);
        while (m.find()) {
            if (!KNOWN.contains(m.group(1)) && !unknown.contains(m.group(1))) {
                unknown.add(m.group(1));
            }
        }
        return unknown;
    }

    /** The body with each field replaced by its value, its fallback, or nothing. */
    public static String render(String body, Map<String, String> values) {
        Matcher m = FIELD.matcher(body);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null || value.isBlank()) {
                value = m.group(2) == null ? "" : m.group(2).strip();
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
