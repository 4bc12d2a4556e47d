package io.omnihub.routes.correlation;

import io.omnihub.connectors.bus.Address;
import io.omnihub.connectors.bus.InboundInteraction;
import io.omnihub.connectors.bus.Sender;
import io.omnihub.connectors.bus.ThreadHints;
import io.omnihub.store.inbox.Inbox;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/** Realistic inbound interactions, as the connectors put them on the bus, for the threading tests. */
public final class TestInbound {

    private static final AtomicInteger NUMBERS = new AtomicInteger(ThreadLocalRandom.current().nextInt(1000, 5000));

    private TestInbound() {
    }

    /** A short unique tag that keeps a test's addresses and ids its own. */
    public static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** A fictional US mobile number (555-01xx style), new on every call. */
    public static String phoneNumber() {
        return "+1650555" + NUMBERS.incrementAndGet();
    }

    /**
     * A mail into the inbox from {@code from} (as written in the From header), with its own
     * Message-ID (no angle brackets, as the connector passes it) and the given thread headers.
     */
    public static InboundInteraction mail(Inbox inbox, String name, String from, String messageId, String subject,
            String inReplyTo, List<String> references, String threadIndex) {
        Map<String, Object> metadata = new java.util.LinkedHashMap<>();
        metadata.put("messageId", messageId);
        if (threadIndex != null) {
            metadata.put("threadIndex", threadIndex);
        }
        return InboundInteraction.builder("email", inbox.getKey(), messageId)
                .occurredAt(ThreadingTestConfiguration.NOW)
                .from(new Sender(name, List.of(Address.email(from))))
                .to(List.of(Address.email("support@omnihub.example")))
                .subject(subject)
                .text("Hello,\n\nplease see below.\n\nRegards")
                .thread(new ThreadHints(inReplyTo, references, threadIndex, null))
                .metadata(metadata)
                .build();
    }

    /** A first mail: no In-Reply-To, no References, no Thread-Index. */
    public static InboundInteraction firstMail(Inbox inbox, String name, String from, String messageId,
            String subject) {
        return mail(inbox, name, from, messageId, subject, null, List.of(), null);
    }

    /** A message on a channel that names its own thread (sms, chat, voice) by {@code channelKey}. */
    public static InboundInteraction keyed(String channel, Inbox inbox, String fromPhone, String channelKey,
            String text) {
        return InboundInteraction.builder(channel, inbox.getKey(), "SM" + unique() + unique())
                .occurredAt(ThreadingTestConfiguration.NOW)
                .from(new Sender(null, List.of(Address.phone(fromPhone))))
                .text(text)
                .thread(new ThreadHints(null, List.of(), null, channelKey))
                .build();
    }

    /**
     * The Thread-Index Outlook puts on the first mail of a thread: 22 bytes (6 of a FILETIME, 16 of a
     * GUID), base64.
     */
    public static String outlookThreadIndex(Instant sent) {
        long filetime = sent.toEpochMilli() * 10_000 + 116_444_736_000_000_000L;
        UUID guid = UUID.randomUUID();
        ByteBuffer bytes = ByteBuffer.allocate(22);
        bytes.put(java.util.Arrays.copyOfRange(ByteBuffer.allocate(8).putLong(filetime).array(), 0, 6));
        bytes.putLong(guid.getMostSignificantBits()).putLong(guid.getLeastSignificantBits());
        return Base64.getEncoder().encodeToString(bytes.array());
    }

    /** The Thread-Index of an Outlook reply in that thread: the same 22 bytes and one 5-byte child block. */
    public static String outlookReplyIndex(String threadIndex) {
        byte[] root = Base64.getDecoder().decode(threadIndex);
        byte[] reply = java.util.Arrays.copyOf(root, root.length + 5);
        reply[root.length] = 0x01;
        reply[root.length + 1] = 0x5a;
        reply[root.length + 2] = (byte) 0x9c;
        reply[root.length + 3] = 0x3e;
        reply[root.length + 4] = 0x21;
        return Base64.getEncoder().encodeToString(reply);
    }
}
