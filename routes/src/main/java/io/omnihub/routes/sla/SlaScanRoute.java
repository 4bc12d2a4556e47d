package io.omnihub.routes.sla;

import io.omnihub.routes.errors.HubErrorPolicy;
import io.omnihub.store.conversation.SlaScanner;
import org.apache.camel.builder.endpoint.EndpointRouteBuilder;
import org.springframework.stereotype.Component;

/** Every {@code omnihub.sla.scan-interval}, announces the SLA targets that became near breach or breached. */
@Component
class SlaScanRoute extends EndpointRouteBuilder {

    private final SlaScanner scanner;
    private final SlaProperties settings;

    SlaScanRoute(SlaScanner scanner, SlaProperties settings) {
        this.scanner = scanner;
        this.settings = settings;
    }

    @Override
    public void configure() {
        from(timer("sla-scan").fixedRate(false).delay(1000).period(settings.scanInterval().toMillis()))
                .routeId("sla-scan")
                .routeConfigurationId(HubErrorPolicy.SCHEDULED)
                .bean(scanner, "scan");
    }
}
