package io.omnihub.store.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnihub.store.events.HubEvent;
import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Records events in the outbox; must run inside the transaction whose change they describe. */
@Component
public class OutboxWriter {

    private final OutboxRepository outbox;
    private final ObjectMapper json;
    private final Clock clock;

    OutboxWriter(OutboxRepository outbox, ObjectMapper json, Clock clock) {
        this.outbox = outbox;
        this.json = json;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void append(HubEvent event) {
        try {
            String payload = json.writeValueAsString(event);
            outbox.save(new OutboxEntry(UUID.randomUUID(), event.type(), event.customerId(), payload, clock.instant()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event " + event.type() + " cannot be written as JSON", e);
        }
    }
}
