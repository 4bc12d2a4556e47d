package io.omnihub.connectors.webform;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which field of the posted form carries each thing the hub understands. Every other field is
 * kept as a custom field on the interaction.
 */
public record FieldMapping(@DefaultValue("name") String name, @DefaultValue("email") String email,
        @DefaultValue("phone") String phone, @DefaultValue("subject") String subject,
        @DefaultValue("message") String message) {

    public static FieldMapping defaults() {
        return new FieldMapping("name", "email", "phone", "subject", "message");
    }

    public boolean isMapped(String field) {
        return field.equals(name) || field.equals(email) || field.equals(phone) || field.equals(subject)
                || field.equals(message);
    }
}
