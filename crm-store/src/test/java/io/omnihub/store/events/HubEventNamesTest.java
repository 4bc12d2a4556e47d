package io.omnihub.store.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * An event's name on the bus is its class name: a record component called {@code type} would
 * silently replace it (integration targets subscribe by that name), so none may have one.
 */
class HubEventNamesTest {

    @Test
    void noEventRedefinesItsType() {
        for (Class<?> event : HubEvent.class.getPermittedSubclasses()) {
            assertThat(Arrays.stream(event.getRecordComponents()).map(c -> c.getName()))
                    .as(event.getSimpleName()).doesNotContain("type");
        }
    }
}
