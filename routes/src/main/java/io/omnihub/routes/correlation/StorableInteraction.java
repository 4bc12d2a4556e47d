package io.omnihub.routes.correlation;

import io.omnihub.connectors.bus.Address;
import io.omnihub.connectors.bus.AttachmentRef;
import io.omnihub.connectors.bus.FileNames;
import io.omnihub.connectors.bus.InboundInteraction;
import io.omnihub.connectors.bus.InteractionFlag;
import io.omnihub.connectors.bus.Sender;
import io.omnihub.connectors.bus.ThreadHints;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Makes an interaction storable before it is recorded, so that what a channel accepted is never
 * refused by the database: NUL characters (which PostgreSQL keeps in neither text nor jsonb, and
 * which real clients do send) are removed and the interaction flagged {@link InteractionFlag#NUL_REMOVED};
 * a file without a name gets one made from its type. Everything else stays exactly as received.
 */
final class StorableInteraction {

    private static final char NUL = '\u0000';

    private StorableInteraction() {
    }

    static InboundInteraction of(InboundInteraction in) {
        if (in == null) {
            return null;
        }
        Cleaner clean = new Cleaner();
        Sender from = in.from() == null ? null
                : new Sender(clean.text(in.from().name()), clean.addresses(in.from().addresses()));
        List<Address> to = clean.addresses(in.to());
        List<AttachmentRef> attachments = new ArrayList<>();
        for (AttachmentRef a : in.attachments()) {
            String name = FileNames.orDerived(clean.text(a.fileName()), a.contentType(), a.contentId(),
                    attachments.size() + 1);
            if (!name.equals(a.fileName())) {
                clean.changed |= a.fileName() != null && !a.fileName().isBlank();
                clean.named = true;
            }
            attachments.add(new AttachmentRef(a.sha256(), name, a.contentType() == null
                    ? "application/octet-stream" : clean.text(a.contentType()), a.sizeBytes(), clean.text(a.contentId())));
        }
        ThreadHints thread = new ThreadHints(clean.text(in.thread().inReplyTo()), clean.texts(in.thread().references()),
                clean.text(in.thread().threadIndex()), clean.text(in.thread().channelKey()));
        InboundInteraction cleaned = new InboundInteraction(in.schema(), clean.text(in.channel()), clean.text(in.inbox()),
                clean.text(in.externalId()), in.direction(), in.kind(), in.occurredAt(), from, to,
                clean.text(in.subject()), clean.text(in.text()), clean.text(in.html()), attachments, thread,
                clean.map(in.metadata()), flags(in.flags(), clean.changed));
        return clean.changed || clean.named ? cleaned : in;
    }

    private static Set<InteractionFlag> flags(Set<InteractionFlag> flags, boolean removed) {
        if (!removed) {
            return flags;
        }
        Set<InteractionFlag> with = EnumSet.of(InteractionFlag.NUL_REMOVED);
        with.addAll(flags);
        return with;
    }

    private static final class Cleaner {
        boolean changed;
        boolean named;

        String text(String value) {
            if (value == null || value.indexOf(NUL) < 0) {
                return value;
            }
            changed = true;
            return value.replace(String.valueOf(NUL), "");
        }

        List<String> texts(List<String> values) {
            return values.stream().map(this::text).toList();
        }

        List<Address> addresses(List<Address> addresses) {
            return addresses.stream().map(a -> new Address(a.type(), text(a.value()))).toList();
        }

        Map<String, Object> map(Map<String, ?> map) {
            Map<String, Object> result = new LinkedHashMap<>();
            map.forEach((key, value) -> {
                if (key != null && value != null) {
                    result.put(text(key), any(value));
                }
            });
            return result;
        }

        Object any(Object value) {
            if (value instanceof String s) {
                return text(s);
            }
            if (value instanceof Map<?, ?> m) {
                Map<String, Object> nested = new LinkedHashMap<>();
                m.forEach((k, v) -> {
                    if (k != null && v != null) {
                        nested.put(text(String.valueOf(k)), any(v));
                    }
                });
                return nested;
            }
            if (value instanceof List<?> list) {
                List<Object> items = new ArrayList<>();
                list.forEach(item -> items.add(item == null ? null : any(item)));
                return items;
            }
            return value;
        }
    }
}
