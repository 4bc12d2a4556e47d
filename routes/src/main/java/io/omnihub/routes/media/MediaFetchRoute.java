package io.omnihub.routes.media;

import io.omnihub.connectors.twilio.TwilioMediaProperties;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/** Every poll interval, fetches the media files that are due and stores them with their interactions. */
@Component
class MediaFetchRoute extends RouteBuilder {

    private final MediaFetches fetches;
    private final TwilioMediaProperties settings;

    MediaFetchRoute(MediaFetches fetches, TwilioMediaProperties settings) {
        this.fetches = fetches;
        this.settings = settings;
    }

    @Override
    public void configure() {
        from("timer:media-fetch?period=" + settings.pollInterval().toMillis() + "&delay=1000")
                .routeId("fetch-due-media")
                .bean(fetches, "fetchDue");
    }
}
