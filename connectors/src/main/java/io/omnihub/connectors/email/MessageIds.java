package io.omnihub.connectors.email;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Message-IDs out of Message-ID, In-Reply-To and References headers, angle brackets removed. */
final class MessageIds {

    private static final Pattern BRACKETED = Pattern.compile("<([^<>\\s]+)>");
    private static final Pattern BARE = Pattern.compile("[^<>\\s,;\"]+@[^<>\\s,;\"]+");
    static final int MAX_LENGTH = 995;

    private MessageIds() {
    }

    /** Every id in the value, in order, without duplicates; bare ids (no brackets) are accepted. */
    static List<String> all(String value) {
        List<String> ids = new ArrayList<>();
        if (value == null) {
            return ids;
        }
        String unfolded = value.replaceAll("\\s+", " ");
        Matcher m = BRACKETED.matcher(unfolded);
        while (m.find()) {
            add(ids, m.group(1));
        }
        if (ids.isEmpty()) {
            Matcher bare = BARE.matcher(unfolded);
            while (bare.find()) {
                add(ids, bare.group());
            }
        }
        return ids;
    }

    /** The first id in the value, or null. */
    static String first(String value) {
        List<String> ids = all(value);
        return ids.isEmpty() ? null : ids.get(0);
    }

    private static void add(List<String> ids, String id) {
        if (id.length() <= MAX_LENGTH && !ids.contains(id)) {
            ids.add(id);
        }
    }
}
