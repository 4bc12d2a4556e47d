package io.omnihub.connectors.webform;

import io.omnihub.connectors.inbox.ChannelBlocks;
import io.omnihub.connectors.inbox.InboxBlock;
import io.omnihub.connectors.inbox.InboxChannel;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The form of every web-form inbox, {@code omnihub.inboxes.<key>.webform}, bound by this channel itself.
 * Checked at start-up: a web-form inbox without its block stops the hub naming the setting.
 */
@ConfigurationProperties("omnihub")
public class WebFormInboxesProperties implements WebFormInboxes, InboxChannel {

    /** What this channel reads of an inbox. */
    public record Inbox(String channel, WebFormSettings webform) implements InboxBlock<WebFormSettings> {
        @Override
        public WebFormSettings settings() {
            return webform;
        }
    }

    private final ChannelBlocks<WebFormSettings> forms;

    public WebFormInboxesProperties(Map<String, Inbox> inboxes) {
        forms = ChannelBlocks.of(WebFormIntake.CHANNEL, "webform",
                "a webform inbox (at least its field mapping; see docs/configuration.md)", inboxes, (form, where) -> { });
    }

    @Override
    public String channel() {
        return WebFormIntake.CHANNEL;
    }

    @Override
    public Optional<WebFormSettings> webform(String key) {
        return forms.find(key);
    }
}
