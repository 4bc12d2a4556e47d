package io.omnihub.connectors.webform;

import io.omnihub.connectors.bus.Address;
import io.omnihub.connectors.bus.AddressNormalizer;
import io.omnihub.connectors.bus.AttachmentRef;
import io.omnihub.connectors.bus.BlobStore;
import io.omnihub.connectors.bus.InboundInteraction;
import io.omnihub.connectors.bus.InteractionFlag;
import io.omnihub.connectors.bus.Sender;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Turns a posted form into the canonical inbound interaction: checks required fields and
 * addresses, keeps custom fields, stores the files, and recognises a filled honeypot as spam.
 */
public final class WebFormIntake {

    public static final String CHANNEL = "webform";
    static final String IDEMPOTENCY_FIELD = "_idempotency_key";
    private static final int MAX_IDEMPOTENCY_KEY = 200;

    private final AddressNormalizer addresses;
    private final BlobStore blobs;

    WebFormIntake(AddressNormalizer addresses, BlobStore blobs) {
        this.addresses = addresses;
        this.blobs = blobs;
    }

    /** The tracking id: stable for one idempotency key, so a resubmission names the same interaction. */
    static String trackingId(String inbox, String idempotencyKey) {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            return UUID.randomUUID().toString();
        }
        if (idempotencyKey.length() > MAX_IDEMPOTENCY_KEY) {
            throw new WebFormRejection(org.springframework.http.HttpStatus.BAD_REQUEST,
                    "the idempotency key is longer than " + MAX_IDEMPOTENCY_KEY + " characters");
        }
        return UUID.nameUUIDFromBytes((inbox + "\n" + idempotencyKey.strip()).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    InboundInteraction accept(String inbox, WebFormSettings settings, FormSubmission form, String trackingId,
            String origin, Instant receivedAt) {
        FieldMapping map = settings.fields();
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("form", inbox);
        if (origin != null) {
            metadata.put("origin", origin);
        }
        InboundInteraction.Builder interaction = InboundInteraction.builder(CHANNEL, inbox, trackingId)
                .kind("FORM_SUBMISSION")
                .occurredAt(receivedAt);

        if (settings.honeypotField() != null && form.value(settings.honeypotField()) != null) {
            // a trap field people never see was filled: keep it for review, tell the sender nothing
            metadata.put("fields", form.fields());
            return interaction.flags(Set.of(InteractionFlag.SPAM)).metadata(metadata).build();
        }

        for (String field : settings.required()) {
            if (form.value(field) == null) {
                throw WebFormRejection.badField(field, "is required");
            }
        }
        List<Address> contact = new ArrayList<>();
        String email = form.value(map.email());
        if (email != null) {
            contact.add(Address.email(normalized(map.email(), () -> addresses.email(email))));
        }
        String phone = form.value(map.phone());
        if (phone != null) {
            contact.add(Address.phone(normalized(map.phone(), () -> addresses.phone(phone))));
        }
        if (contact.isEmpty()) {
            throw WebFormRejection.badField(map.email(), "or '" + map.phone()
                    + "' is required: the hub needs a way to reach the sender");
        }
        Map<String, Object> custom = new LinkedHashMap<>();
        form.fields().forEach((name, values) -> {
            if (!map.isMapped(name) && !name.equals(settings.honeypotField()) && !name.equals(IDEMPOTENCY_FIELD)) {
                custom.put(name, values.size() == 1 ? values.get(0) : values);
            }
        });
        if (!custom.isEmpty()) {
            metadata.put("fields", custom);
        }
        return interaction
                .from(new Sender(form.value(map.name()), contact))
                .subject(form.value(map.subject()))
                .text(form.value(map.message()))
                .attachments(store(form.files()))
                .metadata(metadata)
                .build();
    }

    private List<AttachmentRef> store(List<UploadedFile> files) {
        return files.stream()
                .map(f -> new AttachmentRef(blobs.put(f.content()), f.fileName(), f.contentType(), f.content().length,
                        null))
                .toList();
    }

    private static String normalized(String field, java.util.function.Supplier<String> normalize) {
        try {
            return normalize.get();
        } catch (IllegalArgumentException e) {
            throw WebFormRejection.badField(field, "is " + e.getMessage());
        }
    }
}
