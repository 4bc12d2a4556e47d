package io.omnihub.connectors.chat;

import java.util.List;
import java.util.Locale;

import org.springframework.util.unit.DataSize;

/**
 * The web chat widget of one inbox, {@code omnihub.inboxes.<key>.chat}.
 *
 * @param allowedOrigins             the sites that may embed the widget ({@code https://shop.example.com});
 *                                   the WebSocket handshake and uploads from any other page are refused
 * @param identitySecret             the secret a site signs its user ids with (HMAC-SHA256, hex) so the chat
 *                                   is linked to the right customer; without it, signed user ids are refused
 * @param title                      the widget's header ("Chat with us")
 * @param welcome                    the first line a visitor sees
 * @param maxMessageChars            the longest message a visitor may send (default 2,000 characters)
 * @param maxUploadSize              the largest file a visitor may upload (default 10 MB)
 * @param uploadTypes                content types a visitor may upload (default images, PDF and plain text)
 * @param messagesPerMinute          messages one visitor may send per minute (default 20)
 * @param messagesPerMinutePerIp     messages all visitors behind one IP address may send per minute (default 60)
 * @param conversationsPerHourPerIp  chats one IP address may start per hour (default 10)
 */
public record ChatSettings(List<String> allowedOrigins, String identitySecret, String title, String welcome,
        Integer maxMessageChars, DataSize maxUploadSize, List<String> uploadTypes, Integer messagesPerMinute,
        Integer messagesPerMinutePerIp, Integer conversationsPerHourPerIp) {

    public ChatSettings {
        allowedOrigins = allowedOrigins == null ? List.of()
                : allowedOrigins.stream().map(o -> o.strip().toLowerCase(Locale.ROOT)).toList();
        title = title == null || title.isBlank() ? "Chat with us" : title;
        welcome = welcome == null ? "Hello! How can we help?" : welcome;
        maxMessageChars = maxMessageChars == null ? 2_000 : maxMessageChars;
        maxUploadSize = maxUploadSize == null ? DataSize.ofMegabytes(10) : maxUploadSize;
        uploadTypes = uploadTypes == null
                ? List.of("image/png", "image/jpeg", "image/gif", "image/webp", "application/pdf", "text/plain")
                : List.copyOf(uploadTypes);
        messagesPerMinute = messagesPerMinute == null ? 20 : messagesPerMinute;
        messagesPerMinutePerIp = messagesPerMinutePerIp == null ? 60 : messagesPerMinutePerIp;
        conversationsPerHourPerIp = conversationsPerHourPerIp == null ? 10 : conversationsPerHourPerIp;
    }

    /** Exact match of scheme, host and port, as browsers send it in {@code Origin}. */
    public boolean allowsOrigin(String origin) {
        return origin != null && allowedOrigins.contains(origin.strip().toLowerCase(Locale.ROOT));
    }

    public boolean acceptsUploadType(String contentType) {
        return contentType != null && uploadTypes.contains(contentType.toLowerCase(Locale.ROOT).split(";")[0].strip());
    }

    public void check(String where) {
        if (allowedOrigins.isEmpty()) {
            throw new IllegalArgumentException(where + ".allowed-origins must name at least one site that embeds "
                    + "the widget, e.g. https://www.example.com (see docs/web-chat.md)");
        }
        for (String origin : allowedOrigins) {
            if (!origin.matches("https?://[^/\\s]+")) {
                throw new IllegalArgumentException(where + ".allowed-origins: '" + origin
                        + "' is not an origin (scheme://host[:port], no path)");
            }
        }
        if (identitySecret != null && !identitySecret.isBlank() && identitySecret.length() < 16) {
            throw new IllegalArgumentException(where + ".identity-secret must have at least 16 characters");
        }
        if (maxMessageChars < 1 || messagesPerMinute < 1 || messagesPerMinutePerIp < 1
                || conversationsPerHourPerIp < 1) {
            throw new IllegalArgumentException(where + ": message size and rate limits must be at least 1");
        }
    }
}
