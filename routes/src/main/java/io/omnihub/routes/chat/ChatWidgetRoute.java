package io.omnihub.routes.chat;

import org.apache.camel.builder.endpoint.EndpointRouteBuilder;
import org.springframework.stereotype.Component;

import io.omnihub.connectors.chat.ChatSessions;
import io.omnihub.routes.bus.BusProperties;

/**
 * Every hub node passes the live topic's chat lines and agents' typing to the chat widgets open
 * on it (route {@code chat-widgets}); the node a visitor is connected to is not known in advance.
 */
@Component
class ChatWidgetRoute extends EndpointRouteBuilder {

    private final BusProperties bus;
    private final ChatSessions widgets;

    ChatWidgetRoute(BusProperties bus, ChatSessions widgets) {
        this.bus = bus;
        this.widgets = widgets;
    }

    @Override
    public void configure() {
        from(jms("topic:" + bus.live()).subscriptionDurable(false).advanced().consumerType("Simple"))
                .routeId("chat-widgets")
                .process(exchange -> widgets.deliver(exchange.getMessage().getBody(String.class)));
    }
}
