package io.omnihub.routes.integrations.files;

import io.omnihub.routes.integrations.DeliveryResult;
import io.omnihub.routes.integrations.IntegrationTarget;
import io.omnihub.routes.integrations.TargetSender;
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
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Appends each event to the FILE target's file of the day ({@code omnihub-events-2026-11-25.jsonl}
 * or {@code .csv}, by the day the event was recorded for delivery, UTC): in a local directory,
 * forced to disk before the event counts as delivered, or on an SFTP server. A crash between the
 * write and the bookkeeping may write an event twice: each line carries its event id for the batch
 * system to skip repeats.
 */
@Component
class FileDrops implements TargetSender {

    static final String CSV_HEADER = "sequence,eventId,type,occurredAt,customerId,data\n";
    private final SftpDrops sftp = new SftpDrops();

    @Override
    public Set<IntegrationTarget.Kind> kinds() {
        return Set.of(IntegrationTarget.Kind.FILE);
    }

    @Override
    public DeliveryResult send(String name, IntegrationTarget target, Delivery delivery, JsonNode envelope) {
        IntegrationTarget.FileDrop file = target.file();
        boolean csv = "CSV".equals(file.format());
        String day = delivery.createdAt().atOffset(ZoneOffset.UTC).toLocalDate().toString();
        String fileName = "omnihub-events-" + day + (csv ? ".csv" : ".jsonl");
        String line = csv ? csvLine(envelope) : envelope.toString() + "\n";
        if (file.sftp() != null) {
            return sftp.append(name, file, fileName, line, csv ? CSV_HEADER : "");
        }
        Path directory = Path.of(file.directory());
        Path path = directory.resolve(fileName);
        try {
            Files.createDirectories(directory);
            boolean fresh = !Files.exists(path);
            String text = fresh && csv ? CSV_HEADER + line : line;
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
