package io.omnihub.store.inbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A configured entry point over a channel: one web form, one mailbox, one phone number. Inboxes
 * are declared in configuration ({@code omnihub.inboxes}) and mirrored here so conversations and
 * interactions can reference them.
 */
@Entity
@Table(name = "inbox")
public class Inbox {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true)
    private String key;

    @Column(nullable = false)
    private String channel;

    @Column(nullable = false)
    private String name;

    @Column(name = "team_id")
    private Long teamId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Inbox() {
    }

    public Inbox(String key, String channel, String name, Instant now) {
        this.key = key;
        this.channel = channel;
        this.name = name;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Brings the stored copy in line with configuration; returns whether anything changed. */
    public boolean reconfigure(String channel, String name, Instant now) {
        if (this.channel.equals(channel) && this.name.equals(name)) {
            return false;
        }
        this.channel = channel;
        this.name = name;
        this.updatedAt = now;
        return true;
    }

    public Long getId() {
        return id;
    }

    public String getKey() {
        return key;
    }

    public String getChannel() {
        return channel;
    }

    public String getName() {
        return name;
    }

    public Long getTeamId() {
        return teamId;
    }
}
