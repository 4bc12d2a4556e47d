package io.omnihub.store.blob;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Content read once from a stream, hashed and counted on the way: kept in memory while small,
 * spilled to a temporary file beyond {@link #IN_MEMORY} bytes, so that a file of any size costs a
 * bounded amount of memory. Closing it deletes the file.
 */
final class Spool implements AutoCloseable {

    static final int IN_MEMORY = 1024 * 1024;

    private final String sha256;
    private final long size;
    private final byte[] bytes;
    private final Path file;
    private final boolean tooLarge;

    private Spool(String sha256, long size, byte[] bytes, Path file, boolean tooLarge) {
        this.sha256 = sha256;
        this.size = size;
        this.bytes = bytes;
        this.file = file;
        this.tooLarge = tooLarge;
    }

    /** Reads the stream to its end; past {@code maxBytes} it only counts. */
    static Spool of(InputStream content, long maxBytes) throws IOException {
        MessageDigest digest = sha256Digest();
        ByteArrayOutputStream memory = new ByteArrayOutputStream();
        OutputStream out = memory;
        Path file = null;
        long size = 0;
        byte[] buffer = new byte[64 * 1024];
        try {
            for (int n; (n = content.read(buffer)) >= 0; ) {
                if (size + n > maxBytes) {
                    size += n + content.transferTo(OutputStream.nullOutputStream());
                    out.close();
                    deleteQuietly(file);
                    return new Spool(null, size, null, null, true);
                }
                if (file == null && memory.size() + n > IN_MEMORY) {
                    file = Files.createTempFile("omnihub-blob-", ".part");
                    out = Files.newOutputStream(file);
                    memory.writeTo(out);
                    memory = null;
                }
                out.write(buffer, 0, n);
                digest.update(buffer, 0, n);
                size += n;
            }
            out.close();
        } catch (IOException | RuntimeException e) {
            deleteQuietly(file);
            throw e;
        }
        return new Spool(HexFormat.of().formatHex(digest.digest()), size,
                file == null ? memory.toByteArray() : null, file, false);
    }

    String sha256() {
        return sha256;
    }

    long size() {
        return size;
    }

    boolean tooLarge() {
        return tooLarge;
    }

    InputStream open() throws IOException {
        return file != null ? Files.newInputStream(file) : new ByteArrayInputStream(bytes);
    }

    @Override
    public void close() {
        deleteQuietly(file);
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                file.toFile().deleteOnExit();
            }
        }
    }

    static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
