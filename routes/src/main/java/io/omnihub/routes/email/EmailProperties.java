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

    /** The subject with the conversation's token, added once. */
    public String withToken(String subject, long conversationId) {
        String token = subjectToken.replace("{id}", Long.toString(conversationId));
        String base = subject == null ? "" : subject;
        return base.contains(token) ? base : (base + " " + token).strip();
    }
}
