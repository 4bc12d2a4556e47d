package io.omnihub.routes.integrations;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The systems events are delivered to, {@code omnihub.integrations.<name>}, how often each target's
 * due events are looked for ({@code omnihub.integration-delivery.*}), and the feeds business events
 * are polled from ({@code omnihub.business-event-feeds.<name>}).
 */
@ConfigurationProperties("omnihub")
public record IntegrationsProperties(@DefaultValue Map<String, IntegrationTarget> integrations,
        @DefaultValue IntegrationDelivery integrationDelivery,
        @DefaultValue Map<String, BusinessEventFeed> businessEventFeeds) {

    /**
     * @param pollInterval      how often each target's due events are looked for (default 500 ms)
     * @param orderLookupTarget the SAP_S4 target the console's order lookup asks, optional
     */
    public record IntegrationDelivery(@DefaultValue("500ms") Duration pollInterval, String orderLookupTarget) {
    }

    public IntegrationsProperties {
        integrations = integrations == null ? Map.of() : Map.copyOf(integrations);
        businessEventFeeds = businessEventFeeds == null ? Map.of() : Map.copyOf(businessEventFeeds);
        businessEventFeeds.forEach((name, feed) -> feed.check("omnihub.business-event-feeds." + name));
        integrations.forEach((name, target) -> {
            if (!name.matches("[a-z0-9][a-z0-9-]{0,62}")) {
                throw new IllegalArgumentException("omnihub.integrations." + name + ": a target's name is lower-case "
                        + "letters, digits and '-'");
            }
            target.check("omnihub.integrations." + name);
        });
        String lookup = integrationDelivery.orderLookupTarget();
        if (lookup != null && (!integrations.containsKey(lookup)
                || integrations.get(lookup).kind() != IntegrationTarget.Kind.SAP_S4)) {
            throw new IllegalArgumentException("omnihub.integration-delivery.order-lookup-target: '" + lookup
                    + "' is not a SAP_S4 target under omnihub.integrations");
        }
    }
}
