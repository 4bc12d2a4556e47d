package io.omnihub.routes.integrations;

import com.fasterxml.jackson.databind.JsonNode;
import io.omnihub.store.integration.IntegrationDeliveryQueue.Delivery;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.ZoneOffset;

/**
 * Appends each event to the FILE target's file of the day ({@code omnihub-events-2026-11-25.jsonl}
 * or {@code .csv}, by the event's date in UTC), forced to disk before the event counts as delivered.
 * A crash between the write and the bookkeeping may write an event twice: each line carries its
 * event id for the batch system to skip repeats.
 */
final class FileDrops {

    DeliveryResult append(IntegrationTarget target, Delivery delivery, JsonNode envelope) {
        IntegrationTarget.FileDrop file = target.file();
        boolean csv = "CSV".equals(file.format());
        String day = delivery.createdAt().atOffset(ZoneOffset.UTC).toLocalDate().toString();
        Path path = file.directory().resolve("omnihub-events-" + day + (csv ? ".csv" : ".jsonl"));
        try {
            Files.createDirectories(file.directory());
            boolean fresh = !Files.exists(path);
            String line = csv ? csvLine(envelope) : envelope.toString() + "\n";
            String text = fresh && csv ? "sequence,eventId,type,occurredAt,customerId,data\n" + line : line;
            try (FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                    StandardOpenOption.WRITE)) {
                channel.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
                channel.force(true);
            }
            return DeliveryResult.delivered(0);
        } catch (IOException e) {
            return DeliveryResult.retry(null, "cannot write " + path + ": " + e.getMessage());
        }
    }

    private static String csvLine(JsonNode envelope) {
        return String.join(",", envelope.path("sequence").asText(), csv(envelope.path("eventId").asText()),
                csv(envelope.path("type").asText()), csv(envelope.path("occurredAt").asText()),
                envelope.path("customerId").isNull() ? "" : envelope.path("customerId").asText(),
                csv(envelope.path("data").toString())) + "\n";
    }

    private static String csv(String value) {
        return "\"" + value.replace("\"", "\"\"") + "\"";
    }
}
