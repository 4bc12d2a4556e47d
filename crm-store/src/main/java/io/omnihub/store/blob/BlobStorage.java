package io.omnihub.store.blob;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Content-addressed bytes in PostgreSQL: a blob's key is the SHA-256 of its content, so the same
 * file stored twice is kept once and a key always names exactly one content.
 */
@Component
public class BlobStorage {

    /** What a streamed put stored: its key (null when too large and not stored) and its size. */
    public record Stored(String sha256, long sizeBytes) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;

    BlobStorage(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Stores what the stream holds, of any size, in bounded memory: the content is read first
     * (hashed, spilled to a temporary file when large), then streamed to PostgreSQL in a transaction
     * of its own. Content over {@code maxBytes} is counted but not stored.
     */
    public Stored put(InputStream content, long maxBytes) throws IOException {
        try (Spool spool = Spool.of(content, maxBytes)) {
            if (spool.tooLarge()) {
                return new Stored(null, spool.size());
            }
            if (!exists(spool.sha256())) {
                ownTransaction.executeWithoutResult(tx -> jdbc.update(
                        "insert into blob (sha256, size_bytes, content) values (?, ?, ?) on conflict (sha256) do nothing",
                        statement -> {
                            statement.setString(1, spool.sha256());
                            statement.setLong(2, spool.size());
                            try {
                                statement.setBinaryStream(3, spool.open(), spool.size());
                            } catch (IOException e) {
                                throw new java.io.UncheckedIOException(e);
                            }
                        }));
            }
            return new Stored(spool.sha256(), spool.size());
        }
    }

    /** Stores the content durably (its own transaction) and returns its SHA-256 hex key. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public String put(byte[] content) {
        String sha256 = sha256(content);
        jdbc.update("insert into blob (sha256, size_bytes, content) values (?, ?, ?) on conflict (sha256) do nothing",
                sha256, content.length, content);
        return sha256;
    }

    @Transactional(readOnly = true)
    public Optional<byte[]> get(String sha256) {
        return jdbc.query("select content from blob where sha256 = ?", rs -> rs.next()
                ? Optional.of(rs.getBytes(1)) : Optional.empty(), sha256);
    }

    @Transactional(readOnly = true)
    public boolean exists(String sha256) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists(select 1 from blob where sha256 = ?)",
                Boolean.class, sha256));
    }

    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
