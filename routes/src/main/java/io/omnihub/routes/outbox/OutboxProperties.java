package io.omnihub.routes.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The outbox relay, {@code omnihub.outbox.*}.
 *
 * @param pollInterval how often the relay looks for committed, unpublished events
 * @param batchSize    events published per broker transaction
 * @param retention    how long published events are kept (live consoles catch up from them)
 */
@ConfigurationProperties("omnihub.outbox")
public record OutboxProperties(@DefaultValue("50ms") Duration pollInterval, @DefaultValue("200") int batchSize,
        @DefaultValue("7d") Duration retention) {
}
