package io.omnihub.connectors.email;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.util.SharedByteArrayInputStream;
import jakarta.mail.util.SharedFileInputStream;
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
 * One mail's raw bytes, read once from the server as a stream: in memory when small, in a
 * temporary file otherwise, so a mail of any size costs bounded memory. The parser reads it as a
 * shared stream (references into it, not copies). Closing it deletes the file.
 */
public final class RawMail implements AutoCloseable {

    /** Mails up to this size are kept in memory. */
    static final int IN_MEMORY = 512 * 1024;

    private final byte[] bytes;
    private final Path file;
    private final long size;
    private final String sha256;

    private RawMail(byte[] bytes, Path file, long size, String sha256) {
        this.bytes = bytes;
        this.file = file;
        this.size = size;
        this.sha256 = sha256;
    }

    public static RawMail of(byte[] bytes) {
        return new RawMail(bytes, null, bytes.length, MailParser.sha256(bytes));
    }

    /** Reads the message from its folder: small ones into memory, others streamed to a temporary file. */
    public static RawMail read(Message message, long sizeHint) throws MessagingException, IOException {
        MessageDigest digest = newDigest();
        if (sizeHint >= 0 && sizeHint <= IN_MEMORY) {
            ByteArrayOutputStream memory = new ByteArrayOutputStream((int) Math.max(1024, sizeHint));
            message.writeTo(new DigestOutputStream(memory, digest));
            return new RawMail(memory.toByteArray(), null, memory.size(), HexFormat.of().formatHex(digest.digest()));
        }
        Path file = Files.createTempFile("omnihub-mail-", ".eml");
        try (OutputStream out = new DigestOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(file),
                64 * 1024), digest)) {
            message.writeTo(out);
        } catch (IOException | MessagingException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        return new RawMail(null, file, Files.size(file), HexFormat.of().formatHex(digest.digest()));
    }

    public long size() {
        return size;
    }

    String sha256() {
        return sha256;
    }

    /** The bytes from the start, for storing the original. */
    InputStream open() throws IOException {
        return file != null ? Files.newInputStream(file) : new java.io.ByteArrayInputStream(bytes);
    }

    /** The bytes as a shared stream, for the parser. */
    InputStream shared() throws IOException {
        return file != null ? new SharedFileInputStream(file.toFile()) : new SharedByteArrayInputStream(bytes);
    }

    @Override
    public void close() {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                file.toFile().deleteOnExit();
            }
        }
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
