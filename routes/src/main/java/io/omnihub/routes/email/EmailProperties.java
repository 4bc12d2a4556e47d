package io.omnihub.routes.email;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings shared by every mailbox, {@code omnihub.email.*}.
 *
 * @param subjectToken the conversation token in subjects, {@code {id}} standing for the
 *                     conversation number; a reply whose subject carries it continues that
 *                     conversation (same mailbox and customer only)
 */
@ConfigurationProperties("omnihub.email")
public record EmailProperties(@DefaultValue("[#{id}]") String subjectToken) {
}
