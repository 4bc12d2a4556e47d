package io.omnihub.connectors.inbox;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Every inbox the hub serves, keyed by inbox key: {@code omnihub.inboxes.<key>.channel: webform}, what
 * every inbox has (name, team, routing, reply inboxes), and the channel's own block, which the channel's
 * package binds. Adding a second form or mailbox is configuration, not code. Checked at start-up: a mistake
 * stops the hub with a message naming the setting to fix.
 */
@ConfigurationProperties("omnihub")
public record InboxesProperties(Map<String, InboxSettings> inboxes) {

    private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    public InboxesProperties {
        inboxes = inboxes == null ? Map.of() : new LinkedHashMap<>(inboxes);
        inboxes.forEach(InboxesProperties::check);
    }

    public Optional<InboxSettings> find(String key) {
        return Optional.ofNullable(key).map(inboxes::get);
    }

    private static void check(String key, InboxSettings inbox) {
        String where = "omnihub.inboxes." + key;
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException(where + ": an inbox key is lower-case letters, digits and '-' "
                    + "(it appears in URLs), at most 63 characters");
        }
        if (inbox == null || inbox.channel() == null || inbox.channel().isBlank()) {
            throw new IllegalArgumentException(where + ".channel is required (webform, email, sms or chat)");
        }
        if (inbox.routing() != InboxSettings.Routing.MANUAL && (inbox.team() == null || inbox.team().isBlank())) {
            throw new IllegalArgumentException(where + ".routing " + inbox.routing() + " needs a team: "
                    + where + ".team names the team whose agents take its conversations");
        }
        if (inbox.restricted() && (inbox.team() == null || inbox.team().isBlank())) {
            throw new IllegalArgumentException(where + ".restricted needs a team: " + where
                    + ".team names the team whose members alone may see the inbox");
        }
    }
}
