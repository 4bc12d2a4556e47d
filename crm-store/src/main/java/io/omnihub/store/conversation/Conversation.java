package io.omnihub.store.conversation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * One thread of exchanges with a customer in one inbox, with the status, assignment and
 * timestamps that routing and SLAs work from.
 */
@Entity
@Table(name = "conversation")
public class Conversation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "customer_id", nullable = false)
    private Long customerId;

    @Column(name = "inbox_id", nullable = false)
    private Long inboxId;

    @Column(nullable = false)
    private String channel;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ConversationStatus status;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Priority priority = Priority.NORMAL;

    @org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    private java.util.List<String> tags = new java.util.ArrayList<>();

    @Column(name = "merged_into_id")
    private Long mergedIntoId;

    private String subject;

    @Column(name = "assignee_id")
    private Long assigneeId;

    @Column(name = "team_id")
    private Long teamId;

    /** The channel's key for continuing this thread (e.g. customer number + our number for SMS). */
    @Column(name = "thread_key")
    private String threadKey;

    /** Which threading rule opened or last continued the conversation. */
    @Column(name = "threading_rule")
    private String threadingRule;

    @Column(name = "opened_at", nullable = false)
    private Instant openedAt;

    @Column(name = "first_response_at")
    private Instant firstResponseAt;

    /** Since when the customer has been waiting for us; null while the ball is in their court. */
    @Column(name = "waiting_since")
    private Instant waitingSince;

    @Column(name = "last_activity_at", nullable = false)
    private Instant lastActivityAt;

    @Column(name = "resolved_at")
    private Instant resolvedAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    /** The SLA policy whose targets apply, if any. */
    @Column(name = "sla_policy")
    private String slaPolicy;

    @Column(name = "assigned_at")
    private Instant assignedAt;

    @Column(name = "first_response_warn_at")
    private Instant firstResponseWarnAt;

    @Column(name = "first_response_due_at")
    private Instant firstResponseDueAt;

    @Column(name = "resolution_warn_at")
    private Instant resolutionWarnAt;

    @Column(name = "resolution_due_at")
    private Instant resolutionDueAt;

    /** Set by the SLA scanner (SQL), read here. */
    @Column(name = "first_response_breached_at", insertable = false, updatable = false)
    private Instant firstResponseBreachedAt;

    @Column(name = "resolution_breached_at", insertable = false, updatable = false)
    private Instant resolutionBreachedAt;

    @Version
    private long version;

    @Column(name = "previous_conversation_id")
    private Long previousConversationId;

    protected Conversation() {
    }

    public Conversation(Long customerId, Long inboxId, String channel, String subject, String threadKey,
            String threadingRule, Instant openedAt) {
        this.customerId = customerId;
        this.inboxId = inboxId;
        this.channel = channel;
        this.subject = subject;
        this.threadKey = threadKey;
        this.threadingRule = threadingRule;
        this.status = ConversationStatus.OPEN;
        this.openedAt = openedAt;
        this.lastActivityAt = openedAt;
        this.updatedAt = openedAt;
    }

    /** The customer wrote: we owe them an answer, and a resolved conversation opens again. */
    public void customerInteracted(Instant at, String rule) {
        if (status != ConversationStatus.OPEN) {
            status = ConversationStatus.OPEN;
            resolvedAt = null;
        }
        if (waitingSince == null) {
            waitingSince = at;
        }
        touch(at);
        threadingRule = rule;
    }

    /** We answered: the first answer stops the first-response clock. */
    public void agentInteracted(Instant at) {
        if (firstResponseAt == null) {
            firstResponseAt = at;
        }
        waitingSince = null;
        touch(at);
    }

    /**
     * An agent moves the conversation to {@code next}: resolving it stops the waiting clock and
     * notes when; opening it again clears that. Returns whether anything changed.
     */
    public boolean changeStatus(ConversationStatus next, Instant now) {
        if (next == status) {
            return false;
        }
        status = next;
        if (next == ConversationStatus.RESOLVED) {
            resolvedAt = now;
            waitingSince = null;
        } else {
            resolvedAt = null;
        }
        updatedAt = now;
        return true;
    }

    private void touch(Instant at) {
        if (lastActivityAt == null || at.isAfter(lastActivityAt)) {
            lastActivityAt = at;
        }
        updatedAt = Instant.now();
    }

    /** Tags: at most 20, each 1 to 40 of a-z, 0-9, '-' and '_' (given any case, spaces as '-'). */
    public static final int MAX_TAGS = 20;

    /** An agent sets the conversation's tags (the whole set); returns whether they changed. */
    public boolean retag(java.util.Collection<String> given, Instant now) {
        java.util.TreeSet<String> next = new java.util.TreeSet<>();
        for (String tag : given) {
            String clean = normalizedTag(tag);
            if (clean.isEmpty()) {
                continue;
            }
            if (!clean.matches("[a-z0-9][a-z0-9_-]{0,39}")) {
                throw new IllegalArgumentException("tag '" + tag.strip() + "' is not 1 to 40 letters, digits, '-' or '_'");
            }
            next.add(clean);
        }
        if (next.size() > MAX_TAGS) {
            throw new IllegalArgumentException("a conversation has at most " + MAX_TAGS + " tags");
        }
        if (next.equals(new java.util.TreeSet<>(tags))) {
            return false;
        }
        tags = new java.util.ArrayList<>(next);
        updatedAt = now;
        return true;
    }

    /**
     * Takes over {@code other}'s state when its history moves here: the later activity, the earlier
     * customer message still waiting for an answer (which opens this conversation again), its tags.
     */
    public void absorb(Conversation other, Instant now) {
        if (other.waitingSince != null) {
            customerInteracted(other.waitingSince, threadingRule);
            if (waitingSince.isAfter(other.waitingSince)) {
                waitingSince = other.waitingSince;
            }
        }
        if (other.lastActivityAt != null) {
            touch(other.lastActivityAt);
        }
        java.util.TreeSet<String> both = new java.util.TreeSet<>(tags);
        both.addAll(other.tags);
        tags = new java.util.ArrayList<>(both);
        updatedAt = now;
    }

    /** Its history moved to {@code target}: it points there from now on (resolve it separately). */
    public void mergedInto(long target, Instant now) {
        this.mergedIntoId = target;
        this.updatedAt = now;
    }

    public Long getMergedIntoId() {
        return mergedIntoId;
    }

    /** A tag as stored and as filtered on: trimmed, lower-case, spaces as '-'. */
    public static String normalizedTag(String tag) {
        return tag == null ? "" : tag.strip().toLowerCase(java.util.Locale.ROOT).replaceAll("\\s+", "-");
    }

    public java.util.List<String> getTags() {
        return java.util.List.copyOf(tags);
    }

    /** An agent sets how urgent it is; returns whether it changed. */
    public boolean changePriority(Priority next, Instant now) {
        if (next == priority) {
            return false;
        }
        priority = next;
        updatedAt = now;
        return true;
    }

    /** The team that works the conversation (its inbox's team). */
    public void inTeam(Long teamId) {
        this.teamId = teamId;
    }

    /** Given to an agent. */
    public void assignTo(Long userId, Instant now) {
        this.assigneeId = userId;
        this.assignedAt = userId == null ? null : now;
        this.updatedAt = now;
    }

    public Instant getAssignedAt() {
        return assignedAt;
    }

    /**
     * The SLA targets that apply: when each is near breach and when it is due (null: no such
     * target), under the named policy.
     */
    public void slaTargets(String policy, Instant firstResponseWarn, Instant firstResponseDue, Instant resolutionWarn,
            Instant resolutionDue) {
        this.slaPolicy = policy;
        this.firstResponseWarnAt = firstResponseWarn;
        this.firstResponseDueAt = firstResponseDue;
        this.resolutionWarnAt = resolutionWarn;
        this.resolutionDueAt = resolutionDue;
    }

    public String getSlaPolicy() {
        return slaPolicy;
    }

    public Instant getFirstResponseDueAt() {
        return firstResponseDueAt;
    }

    public Instant getResolutionDueAt() {
        return resolutionDueAt;
    }

    /**
     * The SLA state at {@code now}: BREACHED once a target that is still open is past due,
     * NEAR_BREACH once it is past its warning point, else OK; NONE without targets.
     */
    public String slaState(Instant now) {
        if (slaPolicy == null) {
            return "NONE";
        }
        boolean responseOpen = firstResponseAt == null && firstResponseDueAt != null;
        boolean resolutionOpen = resolvedAt == null && resolutionDueAt != null;
        if ((responseOpen && !now.isBefore(firstResponseDueAt)) || (resolutionOpen && !now.isBefore(resolutionDueAt))) {
            return "BREACHED";
        }
        if ((responseOpen && !now.isBefore(firstResponseWarnAt)) || (resolutionOpen && !now.isBefore(resolutionWarnAt))) {
            return "NEAR_BREACH";
        }
        return "OK";
    }

    /** Links a conversation opened by a late reply to the resolved one it continues. */
    public void continues(Long previousConversationId) {
        this.previousConversationId = previousConversationId;
    }

    public Long getPreviousConversationId() {
        return previousConversationId;
    }

    public Long getId() {
        return id;
    }

    public Long getCustomerId() {
        return customerId;
    }

    public Long getInboxId() {
        return inboxId;
    }

    public String getChannel() {
        return channel;
    }

    public ConversationStatus getStatus() {
        return status;
    }

    public Priority getPriority() {
        return priority;
    }

    public String getSubject() {
        return subject;
    }

    public Long getAssigneeId() {
        return assigneeId;
    }

    public Long getTeamId() {
        return teamId;
    }

    public String getThreadKey() {
        return threadKey;
    }

    public String getThreadingRule() {
        return threadingRule;
    }

    public Instant getOpenedAt() {
        return openedAt;
    }

    public Instant getFirstResponseAt() {
        return firstResponseAt;
    }

    public Instant getWaitingSince() {
        return waitingSince;
    }

    public Instant getLastActivityAt() {
        return lastActivityAt;
    }

    public Instant getResolvedAt() {
        return resolvedAt;
    }
}
