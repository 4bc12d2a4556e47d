package io.omnihub.routes.email;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings shared by every mailbox, {@code omnihub.email.*}.
 *
 * @param subjectToken  the conversation token in subjects, {@code {id}} standing for the
 *                      conversation number; a reply whose subject carries it continues that
 *                      conversation (same mailbox and customer only)
 * @param signingSecret the key that signs our Message-IDs; when unset the hub generates one and
 *                      keeps it in its database (every node shares it)
 */
@ConfigurationProperties("omnihub.email")
public record EmailProperties(@DefaultValue("[#{id}]") String subjectToken, String signingSecret) {

    private static final java.util.regex.Pattern PREFIXES = java.util.regex.Pattern.compile(
            "^(\\s*(re|fw|fwd|aw|wg|sv|vs|antw|tr|r|rif|odp|enc)(\\[\\d+\\])?\\s*:\\s*)+",
            java.util.regex.Pattern.CASE_INSENSITIVE);

    /**
     * Whether two subjects are still about the same thing: once Re:/Fwd: prefixes, the token and
     * case are set aside, they share a word of three letters or more (or one of them is empty).
     */
    public boolean sameTopic(String a, String b) {
        java.util.Set<String> wordsA = words(topic(a));
        java.util.Set<String> wordsB = words(topic(b));
        if (wordsA.isEmpty() || wordsB.isEmpty()) {
            return true;
        }
        wordsA.retainAll(wordsB);
        return !wordsA.isEmpty();
    }

    private static java.util.Set<String> words(String topic) {
        java.util.Set<String> words = new java.util.HashSet<>();
        for (String word : topic.split("[^\\p{L}\\p{N}]+")) {
            if (word.length() >= 3) {
                words.add(word);
            }
        }
        return words;
    }

    private String topic(String subject) {
        if (subject == null) {
            return "";
        }
        String withoutToken = subject.replaceAll(subjectToken.contains("{id}")
                ? java.util.regex.Pattern.quote(subjectToken.substring(0, subjectToken.indexOf("{id}"))) + "\\d+"
                        + java.util.regex.Pattern.quote(subjectToken.substring(subjectToken.indexOf("{id}") + 4))
                : java.util.regex.Pattern.quote(subjectToken), " ");
        return PREFIXES.matcher(withoutToken.strip()).replaceFirst("").replaceAll("\\s+", " ").strip()
                .toLowerCase(java.util.Locale.ROOT);
    }

    /** The subject with the conversation's token, added once. */
    public String withToken(String subject, long conversationId) {
        String token = subjectToken.replace("{id}", Long.toString(conversationId));
        String base = subject == null ? "" : subject;
        return base.contains(token) ? base : (base + " " + token).strip();
    }
}
