package io.omnihub.console.breach;

import io.omnihub.connectors.bus.InboundInteraction;
import io.omnihub.connectors.bus.InboundPublisher;

/** What ArchitectureTest must refuse (test sources only): the console calling a channel directly. */
class ConsoleThatCallsAChannel {

    void send(InboundPublisher channel, InboundInteraction interaction) {
        channel.publish(interaction);
    }
}
