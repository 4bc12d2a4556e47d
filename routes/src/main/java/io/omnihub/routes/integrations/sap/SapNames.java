package io.omnihub.routes.integrations.sap;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A customer's name in SAP business partner fields, within SAP's lengths (40 characters each):
 * <ul>
 *   <li>a person: the last word is the {@code LastName}, the first the {@code FirstName}, the words
 *       between the {@code MiddleName}; a part longer than its field is cut at the field's length;</li>
 *   <li>an organization: {@code OrganizationBPName1} to {@code 4}, filled word by word (a word over 40
 *       characters is split), what does not fit in the four is left out.</li>
 * </ul>
 * SAP would refuse a longer value (and the delivery would park for good); the full name stays in
 * Omnihub.
 */
final class SapNames {

    static final int FIELD = 40;

    private SapNames() {
    }

    static Map<String, String> of(String name, boolean organization) {
        String clean = name.strip().replaceAll("\\s+", " ");
        Map<String, String> fields = new LinkedHashMap<>();
        if (organization) {
            List<String> lines = lines(clean, 4);
            for (int i = 0; i < lines.size(); i++) {
                fields.put("OrganizationBPName" + (i + 1), lines.get(i));
            }
            return fields;
        }
        String[] words = clean.split(" ");
        if (words.length == 1) {
            fields.put("LastName", cut(words[0]));
            return fields;
        }
        fields.put("FirstName", cut(words[0]));
        if (words.length > 2) {
            fields.put("MiddleName", cut(String.join(" ", java.util.Arrays.copyOfRange(words, 1, words.length - 1))));
        }
        fields.put("LastName", cut(words[words.length - 1]));
        return fields;
    }

    /** The text in at most {@code count} lines of {@link #FIELD} characters, broken between words where it can be. */
    private static List<String> lines(String text, int count) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            while (word.length() > FIELD) {
                if (!line.isEmpty()) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                lines.add(word.substring(0, FIELD));
                word = word.substring(FIELD);
            }
            if (line.length() + (line.isEmpty() ? 0 : 1) + word.length() > FIELD) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.isEmpty() ? "" : " ").append(word);
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines.subList(0, Math.min(count, lines.size()));
    }

    private static String cut(String part) {
        return part.length() <= FIELD ? part : part.substring(0, FIELD).strip();
    }
}
