package io.omnihub.routes.media;

import io.omnihub.routes.errors.HubErrorPolicy;
import io.omnihub.connectors.twilio.TwilioMediaProperties;
import org.apache.camel.builder.endpoint.EndpointRouteBuilder;
import org.springframework.stereotype.Component;

/** Every poll interval, fetches the media files that are due and stores them with their interactions. */
@Component
class MediaFetchRoute extends EndpointRouteBuilder {

    private final MediaFetches fetches;
    private final TwilioMediaProperties settings;

    MediaFetchRoute(MediaFetches fetches, TwilioMediaProperties settings) {
        this.fetches = fetches;
        this.settings = settings;
    }

    @Override
    public void configure() {
        from(timer("media-fetch").delay(1000).period(settings.pollInterval().toMillis()))
                .routeId("fetch-due-media")
                .routeConfigurationId(HubErrorPolicy.SCHEDULED)
                .bean(fetches, "fetchDue");
    }
}
