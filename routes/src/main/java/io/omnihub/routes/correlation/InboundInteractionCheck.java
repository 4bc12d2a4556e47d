package io.omnihub.routes.correlation;

import io.omnihub.connectors.bus.InboundInteraction;
import io.omnihub.connectors.bus.InteractionFlag;
import io.omnihub.routes.errors.PermanentFailure;
import io.omnihub.store.interaction.Direction;
import io.omnihub.store.interaction.InteractionKind;
import java.util.Arrays;

/** Refuses bus messages that can never be recorded, naming what is wrong. */
final class InboundInteractionCheck {

    private InboundInteractionCheck() {
    }

    /** @param attached an agent attached it to a customer: it needs no sender address of its own */
    static void requireRecordable(InboundInteraction in, boolean attached) {
        if (in == null) {
            throw new PermanentFailure("the message body is empty");
        }
        if (!InboundInteraction.SCHEMA.equals(in.schema())) {
            throw new PermanentFailure("unknown schema '" + in.schema() + "', expected " + InboundInteraction.SCHEMA);
        }
        requireText(in.channel(), "channel");
        requireText(in.inbox(), "inbox");
        requireText(in.externalId(), "externalId");
        if (in.occurredAt() == null) {
            throw new PermanentFailure("occurredAt is missing");
        }
        requireEnum(Direction.class, in.direction(), "direction");
        requireEnum(InteractionKind.class, in.kind(), "kind");
        if (!attached && !in.flagged(InteractionFlag.SPAM) && (in.from() == null || in.from().primary() == null)) {
            throw new PermanentFailure("the message names no sender address (a mail without a readable From, say): "
                    + "attach it to the customer it belongs to, or discard it");
        }
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new PermanentFailure(field + " is missing");
        }
    }

    private static <E extends Enum<E>> void requireEnum(Class<E> type, String value, String field) {
        if (value == null || Arrays.stream(type.getEnumConstants()).noneMatch(e -> e.name().equals(value))) {
            throw new PermanentFailure(field + " '" + value + "' is not one of "
                    + Arrays.toString(type.getEnumConstants()));
        }
    }
}
