package io.omnihub.connectors.email;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Outlook's Thread-Index: 22 bytes naming the thread (6 bytes of a FILETIME, 16 of a GUID), then 5
 * bytes per reply. Our replies carry one, so an Outlook user's answer, which may carry nothing
 * else, still names the thread.
 */
public final class OutlookThreadIndex {

    static final int ROOT_BYTES = 22;
    /** 100-ns intervals between 1601-01-01 and 1970-01-01. */
    private static final long FILETIME_EPOCH_OFFSET = 116_444_736_000_000_000L;

    private OutlookThreadIndex() {
    }

    /** A stable root for a conversation: the same conversation always gets the same one. */
    public static String rootFor(long conversationId, Instant opened) {
        ByteBuffer bytes = ByteBuffer.allocate(ROOT_BYTES);
        long filetime = opened.toEpochMilli() * 10_000 + FILETIME_EPOCH_OFFSET;
        bytes.put(Arrays.copyOfRange(ByteBuffer.allocate(8).putLong(filetime).array(), 0, 6));
        try {
            byte[] guid = MessageDigest.getInstance("SHA-256")
                    .digest(("omnihub-conversation-" + conversationId).getBytes(StandardCharsets.US_ASCII));
            bytes.put(guid, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return Base64.getEncoder().encodeToString(bytes.array());
    }

    /** The thread-naming part (first 22 bytes) as hex, or null when the value is not a Thread-Index. */
    public static String threadId(String threadIndex) {
        if (threadIndex == null || threadIndex.isBlank()) {
            return null;
        }
        try {
            byte[] bytes = Base64.getMimeDecoder().decode(threadIndex.strip());
            return bytes.length < ROOT_BYTES ? null : HexFormat.of().formatHex(bytes, 0, ROOT_BYTES);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
