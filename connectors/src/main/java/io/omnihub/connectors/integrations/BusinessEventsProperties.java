package io.omnihub.connectors.integrations;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code omnihub.business-events.secrets}: the Standard Webhooks secrets ({@code whsec_…}) business
 * events posted to {@code /api/v1/integrations/events} must be signed with; two while rotating.
 * Without one, the endpoint refuses every post.
 */
@ConfigurationProperties("omnihub.business-events")
public record BusinessEventsProperties(@DefaultValue List<String> secrets) {

    public BusinessEventsProperties {
        secrets.forEach(secret -> {
            if (!StandardWebhooks.wellFormed(secret)) {
                throw new IllegalArgumentException("omnihub.business-events.secrets: a secret is whsec_ followed by "
                        + "a Base64 key of at least 16 bytes");
            }
        });
    }
}
