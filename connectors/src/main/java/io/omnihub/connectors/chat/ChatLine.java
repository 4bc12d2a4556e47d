package io.omnihub.connectors.chat;

import java.time.Instant;
import java.util.List;

/**
 * One message as the visitor's widget shows it.
 *
 * @param id     the message's id (the visitor's own id for what they sent)
 * @param from   {@code visitor} or {@code agent}
 * @param author who wrote it: the agent's display name, or the visitor's name
 * @param text   the message text (the widget shows it as text, never as HTML)
 * @param at     when it was written
 * @param files  names of the files that came with it
 */
public record ChatLine(String id, String from, String author, String text, Instant at, List<String> files) {

    public ChatLine {
        files = files == null ? List.of() : List.copyOf(files);
    }
}
