package io.omnihub.connectors.chat;

import java.time.Clock;
import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.server.HandshakeInterceptor;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;


/**
 * Serves the widget's WebSocket at {@code /channels/chat/{inbox}/socket}. The handshake is refused
 * unless the inbox is a chat inbox and the page's {@code Origin} is one of its allowed origins.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
class ChatWebSocketConfiguration implements WebSocketConfigurer {

    static final String PATH = "/channels/chat/";

    private final ChatSocketHandler handler;
    private final ChatInboxes inboxes;

    ChatWebSocketConfiguration(@org.springframework.context.annotation.Lazy ChatSocketHandler handler,
            ChatInboxes inboxes) {
        this.handler = handler;
        this.inboxes = inboxes;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(handler, PATH + "*/socket")
                .addInterceptors(new ChatOriginCheck(inboxes))
                // each inbox's own allowed origins are checked by ChatOriginCheck
                .setAllowedOriginPatterns("*");
    }

    /** Frames up to 64 KB: a longest message in any script fits; larger frames close the socket. */
    @Bean
    ServletServerContainerFactoryBean webSocketContainer() {
        ServletServerContainerFactoryBean container = new ServletServerContainerFactoryBean();
        container.setMaxTextMessageBufferSize(64 * 1024);
        container.setMaxSessionIdleTimeout(10L * 60 * 1000);
        return container;
    }

    @Bean
    AbuseLimits chatAbuseLimits(Clock clock) {
        return new AbuseLimits(clock);
    }

    /** The inbox named in the path, and the page's origin among that inbox's allowed origins. */
    static final class ChatOriginCheck implements HandshakeInterceptor {

        private final ChatInboxes inboxes;

        ChatOriginCheck(ChatInboxes inboxes) {
            this.inboxes = inboxes;
        }

        @Override
        public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response,
                WebSocketHandler wsHandler, Map<String, Object> attributes) {
            String path = request.getURI().getPath();
            String inbox = path.substring(path.indexOf(PATH) + PATH.length(), path.lastIndexOf("/socket"));
            ChatSettings chat = inboxes.chat(inbox)
                    .orElse(null);
            if (chat == null) {
                response.setStatusCode(HttpStatus.NOT_FOUND);
                return false;
            }
            if (!chat.allowsOrigin(request.getHeaders().getFirst(HttpHeaders.ORIGIN))) {
                response.setStatusCode(HttpStatus.FORBIDDEN);
                return false;
            }
            attributes.put(ChatSocketHandler.INBOX, inbox);
            if (request.getRemoteAddress() != null) {
                attributes.put(ChatSocketHandler.ADDRESS, request.getRemoteAddress().getAddress().getHostAddress());
            }
            return true;
        }

        @Override
        public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler wsHandler,
                Exception exception) {
        }
    }
}
