package io.omnihub.connectors.breach;

import io.omnihub.store.events.InteractionRecorded;
import io.omnihub.store.interaction.Interaction;
import io.omnihub.store.interaction.InteractionRepository;
import io.omnihub.store.outbox.OutboxWriter;
import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What ArchitectureTest must refuse (test sources only, never part of the hub): a channel that
 * writes the store itself — SQL, an interaction saved and its event written by hand.
 */
class ConnectorThatWritesTheStore {

    private final JdbcTemplate jdbc;
    private final InteractionRepository interactions;
    private final OutboxWriter outbox;

    ConnectorThatWritesTheStore(JdbcTemplate jdbc, InteractionRepository interactions, OutboxWriter outbox) {
        this.jdbc = jdbc;
        this.interactions = interactions;
        this.outbox = outbox;
    }

    void record(Interaction interaction) {
        jdbc.update("update interaction set body_text = body_text");
        Interaction saved = interactions.save(interaction);
        outbox.append(new InteractionRecorded(saved.getId(), 1L, 1L, "contact", "webform", "INBOUND", "MESSAGE",
                "x", Instant.EPOCH));
    }
}
