package io.omnihub.routes.media;

import io.omnihub.routes.correlation.InteractionStored;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The media an inbound message names (an MMS's pictures) is scheduled to be fetched into the hub. */
@Component
class MediaIsFetchedAfterRecording {

    private final MediaFetches fetches;

    MediaIsFetchedAfterRecording(MediaFetches fetches) {
        this.fetches = fetches;
    }

    @EventListener
    @Order(InteractionStored.MEDIA)
    void on(InteractionStored stored) {
        fetches.scheduleMedia(stored.received().inbox(), stored.interaction());
    }
}
