package io.omnihub.routes.integrations;

import io.omnihub.connectors.integrations.StandardWebhooks;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * One system events are delivered to, {@code omnihub.integrations.<name>}.
 *
 * @param kind      {@code WEBHOOK} (the event as JSON, signed the Standard Webhooks way), {@code REST}
 *                  (a request built from a template: a new ERP endpoint is configuration),
 *                  {@code FILE} (JSON lines or CSV appended to a file per day, for batch systems), or
 *                  {@code SAP_S4} (SAP S/4HANA's published OData APIs: Business Partner for customers,
 *                  Sales Order for the console's order lookup)
 * @param url       where WEBHOOK and REST requests go; for SAP_S4 the system's base URL
 * @param events    the event types delivered (e.g. CustomerCreated); empty: all
 * @param auth      how the target wants us to authenticate, optional
 * @param secrets   WEBHOOK signing secrets ({@code whsec_…}); two while rotating, each signs
 * @param timeout   for one request (default 10 s)
 * @param rateLimit at most this many requests per second, optional
 * @param rest      the REST request's method, path, headers and body template
 * @param file      the FILE target's directory and format
 * @param retry     how long failures are retried
 * @param sap       SAP_S4 details: the business partners' country and category, how many orders a lookup shows
 */
public record IntegrationTarget(Kind kind, URI url, @DefaultValue List<String> events, Auth auth,
        @DefaultValue List<String> secrets, @DefaultValue("10s") Duration timeout, Double rateLimit, Rest rest,
        FileDrop file, @DefaultValue Retry retry, @DefaultValue Sap sap) {

    public enum Kind { WEBHOOK, REST, FILE, SAP_S4 }

    /**
     * @param type         {@code NONE}, {@code BASIC} (username, password), {@code BEARER} (token) or
     *                     {@code OAUTH2} (client credentials: token-url, client-id, client-secret, scope)
     */
    public record Auth(@DefaultValue("NONE") AuthType type, String username, String password, String token,
            URI tokenUrl, String clientId, String clientSecret, String scope) {
    }

    public enum AuthType { NONE, BASIC, BEARER, OAUTH2 }

    /**
     * @param method  POST (default), PUT or PATCH
     * @param path    appended to the URL, with placeholders, e.g. {@code /customers/${data.customerId}}
     * @param body    the body template; {@code ${path}} is a field of the event envelope (type, eventId,
     *                occurredAt, customerId, data.…), JSON-escaped; {@code ${event}} the whole envelope.
     *                Default: the envelope itself
     * @param headers extra headers, with placeholders
     */
    public record Rest(@DefaultValue("POST") String method, @DefaultValue("") String path, String body,
            @DefaultValue Map<String, String> headers) {
    }

    /**
     * @param directory where files are written (created if missing); on the SFTP server when {@code sftp} is set
     * @param format    {@code JSONL} (one envelope per line, default) or {@code CSV}
     *                  (sequence, eventId, type, occurredAt, customerId, data as JSON)
     * @param sftp      the SFTP server to write to, optional (without it, a local directory)
     */
    public record FileDrop(String directory, @DefaultValue("JSONL") String format, Sftp sftp) {
    }

    /**
     * @param host       the SFTP server
     * @param port       default 22
     * @param username   the account
     * @param password   its password, or
     * @param privateKey a private key file (PEM / OpenSSH, unencrypted)
     * @param hostKey    the server's host key fingerprint as {@code ssh-keygen -lf} shows it
     *                   ({@code SHA256:…}): required, any other server is refused
     */
    public record Sftp(String host, @DefaultValue("22") int port, String username, String password, Path privateKey,
            String hostKey) {
    }

    /**
     * @param firstDelay  the wait after the first failure (default 10 s), doubled after each further one
     * @param maxDelay    the longest wait between attempts (default 1 h)
     * @param giveUpAfter how long an event is retried before it is parked (default 48 h)
     */
    public record Retry(@DefaultValue("10s") Duration firstDelay, @DefaultValue("1h") Duration maxDelay,
            @DefaultValue("48h") Duration giveUpAfter) {

        Duration after(int attempts) {
            Duration wait = firstDelay.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 20));
            return wait.compareTo(maxDelay) > 0 ? maxDelay : wait;
        }
    }

    /**
     * @param country  the country of the addresses of new business partners (ISO code, default US)
     * @param category {@code 1} person (default) or {@code 2} organization
     * @param orders   how many recent sales orders an order lookup shows (default 10)
     */
    public record Sap(@DefaultValue("US") String country, @DefaultValue("1") String category,
            @DefaultValue("10") int orders) {
    }

    /** The event types SAP_S4 targets take. */
    static final List<String> SAP_EVENTS = List.of("CustomerCreated");

    public boolean wants(String eventType) {
        if (kind == Kind.SAP_S4) {
            return SAP_EVENTS.contains(eventType) && (events.isEmpty() || events.contains(eventType));
        }
        return events.isEmpty() || events.contains(eventType);
    }

    void check(String where) {
        if (kind == null) {
            throw new IllegalArgumentException(where + ".kind is required: WEBHOOK, REST, FILE or SAP_S4");
        }
        if (kind != Kind.FILE && (url == null || url.getScheme() == null
                || !url.getScheme().matches("https?"))) {
            throw new IllegalArgumentException(where + ".url is required: the http(s) URL events are sent to");
        }
        if (kind == Kind.WEBHOOK) {
            if (secrets.isEmpty()) {
                throw new IllegalArgumentException(where + ".secrets: give the signing secret (whsec_…), "
                        + "two while rotating");
            }
            secrets.forEach(secret -> {
                if (!StandardWebhooks.wellFormed(secret)) {
                    throw new IllegalArgumentException(where + ".secrets: a secret is whsec_ followed by a "
                            + "Base64 key of at least 16 bytes");
                }
            });
        }
        if (kind == Kind.FILE && (file == null || file.directory() == null)) {
            throw new IllegalArgumentException(where + ".file.directory is required for a FILE target");
        }
        if (kind == Kind.FILE && !List.of("JSONL", "CSV").contains(file.format())) {
            throw new IllegalArgumentException(where + ".file.format is JSONL or CSV");
        }
        if (kind == Kind.FILE && file.sftp() != null) {
            Sftp sftp = file.sftp();
            if (sftp.host() == null || sftp.username() == null || (sftp.password() == null) == (sftp.privateKey() == null)) {
                throw new IllegalArgumentException(where + ".file.sftp needs host, username, and a password or a "
                        + "private-key (one of them)");
            }
            if (sftp.hostKey() == null || !sftp.hostKey().startsWith("SHA256:")) {
                throw new IllegalArgumentException(where + ".file.sftp.host-key is required: the server's SHA256:… "
                        + "fingerprint (ssh-keygen -lf <key.pub>), so no other server gets the events");
            }
        }
        if (auth != null && auth.type() == AuthType.OAUTH2 && (auth.tokenUrl() == null || auth.clientId() == null
                || auth.clientSecret() == null)) {
            throw new IllegalArgumentException(where + ".auth: OAUTH2 needs token-url, client-id and client-secret");
        }
        if (rateLimit != null && !(rateLimit > 0)) {
            throw new IllegalArgumentException(where + ".rate-limit must be more than 0 per second");
        }
    }
}
