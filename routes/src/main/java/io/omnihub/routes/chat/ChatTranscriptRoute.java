package io.omnihub.routes.chat;

import io.omnihub.connectors.chat.TranscriptRequest;
import io.omnihub.routes.bus.BusJson;
import io.omnihub.routes.bus.BusProperties;
import io.omnihub.routes.bus.HubHeaders;
import io.omnihub.routes.errors.BusConsumerRouteBuilder;
import org.springframework.stereotype.Component;

/**
 * Takes each transcript request off {@code hub.transcripts} in a JMS transaction and writes the transcript email
 * onto the chat's conversation; acknowledged after the database commit, under the hub's one failure policy.
 */
@Component
class ChatTranscriptRoute extends BusConsumerRouteBuilder {

    private final BusProperties bus;
    private final BusJson json;
    private final ChatTranscriptMailer mailer;

    ChatTranscriptRoute(BusProperties bus, BusJson json, ChatTranscriptMailer mailer) {
        this.bus = bus;
        this.json = json;
        this.mailer = mailer;
    }

    @Override
    public void configure() {
        fromBusQueue("chat-transcript-send", bus.transcripts(), bus.deadLetterOf(bus.transcripts()), 1)
                .unmarshal(json.of(TranscriptRequest.class))
                .bean(mailer, "send")
                .filter(header(HubHeaders.HELD_ITEM_ID).isNotNull())
                    .bean("heldItems", "processed(${header." + HubHeaders.HELD_ITEM_ID + "})")
                .end();
    }
}
