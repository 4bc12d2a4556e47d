package io.omnihub.routes.inbox;

import io.omnihub.connectors.inbox.InboxSettings;
import io.omnihub.connectors.inbox.InboxesProperties;
import io.omnihub.routes.errors.PermanentFailure;
import io.omnihub.store.inbox.Inbox;
import io.omnihub.store.inbox.InboxRepository;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import io.omnihub.store.team.Teams;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Mirrors the configured inboxes ({@code omnihub.inboxes}) into the store and resolves inbox keys
 * to rows. A configured inbox is created on first use, so interactions never wait for start-up.
 */
@Component
public class InboxCatalog {

    private static final Logger log = LoggerFactory.getLogger(InboxCatalog.class);

    private final InboxesProperties configured;
    private final InboxRepository inboxes;
    private final Teams teams;
    private final Clock clock;
    private final Map<String, Long> ids = new ConcurrentHashMap<>();

    InboxCatalog(InboxesProperties configured, InboxRepository inboxes, Teams teams,
            Clock clock) {
        this.configured = configured;
        this.inboxes = inboxes;
        this.teams = teams;
        this.clock = clock;
    }

    /** Brings names and channels of stored inboxes in line with configuration. */
    @EventListener(ApplicationStartedEvent.class)
    @Transactional
    public void synchronize() {
        configured.inboxes().forEach((key, settings) -> {
            Inbox inbox = require(key);
            if (inbox.reconfigure(settings.channel(), settings.displayName(key), clock.instant())) {
                log.info("inbox {} updated from configuration", key);
            }
            Long team = settings.team() == null ? null : team(settings.team());
            inboxes.configureTeam(key, team, settings.restricted());
        });
    }

    /** The team with this key, created (named by its key) when configuration first mentions it. */
    private Long team(String key) {
        return teams.ensure(key);
    }

    /** The stored inbox for a key; a configured one is created if missing. */
    @Transactional
    public Inbox require(String key) {
        Long id = ids.get(key);
        if (id != null) {
            return inboxes.getReferenceById(id);
        }
        Inbox inbox = inboxes.findByKey(key).orElseGet(() -> create(key));
        ids.put(key, inbox.getId());
        return inbox;
    }

    private Inbox create(String key) {
        InboxSettings settings = configured.find(key)
                .orElseThrow(() -> new PermanentFailure("inbox '" + key + "' is neither configured nor stored"));
        inboxes.createIfMissing(key, settings.channel(), settings.displayName(key));
        return inboxes.findByKey(key).orElseThrow();
    }
}
