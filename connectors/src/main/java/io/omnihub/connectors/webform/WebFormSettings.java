package io.omnihub.connectors.webform;

import java.util.List;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * A web form inbox, {@code omnihub.inboxes.<key>.webform}.
 *
 * @param fields                 which posted field is the name, e-mail, phone, subject and message
 * @param required               posted fields that must be present and not blank
 * @param allowedOrigins         browser origins allowed to post ({@code https://www.example.com}, or
 *                               {@code *} for any); posts without an Origin header (servers) are not
 *                               affected
 * @param hmacSecret             when set, every post must carry a valid {@code X-Omnihub-Signature}
 *                               (server-to-server forms); take it from the environment
 * @param maxBodySize            largest body without files
 * @param maxAttachmentSize      largest single file
 * @param maxAttachments         most files in one post
 * @param allowedAttachmentTypes content types accepted for files ({@code image/*} style wildcards)
 * @param honeypotField          a field hidden from people; a post that fills it is kept as spam,
 *                               answered as usual and never shown in the inbox
 * @param thankYouUrl            where a browser is redirected (303) after posting an HTML form
 */
public record WebFormSettings(FieldMapping fields, @DefaultValue List<String> required,
        @DefaultValue List<String> allowedOrigins, String hmacSecret, @DefaultValue("64KB") DataSize maxBodySize,
        @DefaultValue("10MB") DataSize maxAttachmentSize, @DefaultValue("5") int maxAttachments,
        @DefaultValue({"image/*", "application/pdf", "text/plain", "text/csv",
                "application/vnd.openxmlformats-officedocument.*", "application/msword",
                "application/vnd.ms-excel"}) List<String> allowedAttachmentTypes,
        String honeypotField, String thankYouUrl) {

    public WebFormSettings {
        fields = fields == null ? FieldMapping.defaults() : fields;
        required = required == null ? List.of() : List.copyOf(required);
        allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
        allowedAttachmentTypes = allowedAttachmentTypes == null ? List.of() : List.copyOf(allowedAttachmentTypes);
    }

    /** The largest request accepted at all: the body plus the most and largest files. */
    public long maxRequestBytes() {
        return maxBodySize.toBytes() + (long) maxAttachments * (maxAttachmentSize.toBytes() + 4096);
    }

    public boolean signed() {
        return hmacSecret != null && !hmacSecret.isBlank();
    }

    public boolean allowsOrigin(String origin) {
        return allowedOrigins.contains("*") || allowedOrigins.stream().anyMatch(o -> o.equalsIgnoreCase(origin));
    }

    public boolean allowsAttachmentType(String contentType) {
        String type = contentType == null ? "" : contentType.toLowerCase(java.util.Locale.ROOT).split(";")[0].strip();
        return allowedAttachmentTypes.stream().anyMatch(pattern -> pattern.endsWith("*")
                ? type.startsWith(pattern.substring(0, pattern.length() - 1))
                : type.equals(pattern));
    }
}
