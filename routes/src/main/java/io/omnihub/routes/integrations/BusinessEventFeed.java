package io.omnihub.routes.integrations;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * An ERP/SCM endpoint the hub polls for business events, {@code omnihub.business-event-feeds.<name>}.
 * It answers {@code {"events": [...], "cursor": "…", "more": false}} with the events after the
 * cursor the hub sends back ({@code ?after=<cursor>}; none on the first poll).
 *
 * @param url             the feed
 * @param auth            as for targets: BASIC, BEARER or OAUTH2
 * @param interval        how often it is polled (default 1 minute)
 * @param cursorParameter the query parameter carrying the cursor (default {@code after})
 * @param timeout         for one request (default 10 s)
 */
public record BusinessEventFeed(URI url, IntegrationTarget.Auth auth, @DefaultValue("1m") Duration interval,
        @DefaultValue("after") String cursorParameter, @DefaultValue("10s") Duration timeout) {

    void check(String where) {
        if (url == null || url.getScheme() == null || !url.getScheme().matches("https?")) {
            throw new IllegalArgumentException(where + ".url is required: the http(s) URL of the feed");
        }
    }

    /** The feed as a target, for the shared authorization. */
    IntegrationTarget asTarget() {
        return new IntegrationTarget(IntegrationTarget.Kind.REST, url, java.util.List.of(), auth, java.util.List.of(),
                timeout, null, null, null, null, null);
    }
}
