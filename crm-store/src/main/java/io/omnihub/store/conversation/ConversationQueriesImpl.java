package io.omnihub.store.conversation;

import io.omnihub.store.page.Keyset;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the inbox list query from fixed fragments; values are always bound, never inlined. */
class ConversationQueriesImpl implements ConversationQueries {

    private final EntityManager entityManager;

    ConversationQueriesImpl(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Override
    public List<Conversation> list(ConversationFilter filter, Keyset after, int limit) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        if (filter.statuses() != null && !filter.statuses().isEmpty()) {
            where.add("c.status in :statuses");
            params.put("statuses", filter.statuses());
        }
        if (filter.inboxId() != null) {
            where.add("c.inboxId = :inboxId");
            params.put("inboxId", filter.inboxId());
        }
        if (filter.channel() != null) {
            where.add("c.channel = :channel");
            params.put("channel", filter.channel());
        }
        if (filter.assigneeId() != null) {
            where.add("c.assigneeId = :assigneeId");
            params.put("assigneeId", filter.assigneeId());
        }
        if (filter.unassigned()) {
            where.add("c.assigneeId is null");
        }
        if (filter.teamId() != null) {
            where.add("c.teamId = :teamId");
            params.put("teamId", filter.teamId());
        }
        if (filter.priority() != null) {
            where.add("c.priority = :priority");
            params.put("priority", filter.priority());
        }
        if (filter.breaching()) {
            where.add("c.resolvedAt is null and ((c.firstResponseAt is null and c.firstResponseWarnAt <= :now)"
                    + " or c.resolutionWarnAt <= :now)");
            params.put("now", java.time.Instant.now());
        }
        if (filter.search() != null && !filter.search().isBlank()) {
            List<Long> matches = matching(filter.search().strip());
            if (matches.isEmpty()) {
                return List.of();
            }
            where.add("c.id in :matches");
            params.put("matches", matches);
        }
        if (filter.tag() != null) {
            where.add("array_contains(c.tags, :tag)");
            params.put("tag", filter.tag());
        }
        if (filter.visibility() != null && !filter.visibility().hiddenInboxIds().isEmpty()) {
            if (filter.visibility().teamIds().isEmpty()) {
                where.add("c.inboxId not in :hiddenInboxes");
            } else {
                where.add("(c.inboxId not in :hiddenInboxes or c.teamId in :viewerTeams)");
                params.put("viewerTeams", filter.visibility().teamIds());
            }
            params.put("hiddenInboxes", filter.visibility().hiddenInboxIds());
        }
        if (after != null) {
            where.add("(c.lastActivityAt < :afterAt or (c.lastActivityAt = :afterAt and c.id < :afterId))");
            params.put("afterAt", after.at());
            params.put("afterId", after.id());
        }
        StringBuilder jpql = new StringBuilder("select c from Conversation c");
        if (!where.isEmpty()) {
            jpql.append(" where ").append(String.join(" and ", where));
        }
        jpql.append(" order by c.lastActivityAt desc, c.id desc");
        TypedQuery<Conversation> query = entityManager.createQuery(jpql.toString(), Conversation.class);
        params.forEach(query::setParameter);
        return query.setMaxResults(limit).getResultList();
    }

    /** Conversations whose words, customer name or customer address match (at most 5,000, newest first). */
    @SuppressWarnings("unchecked")
    private List<Long> matching(String search) {
        List<Number> ids = entityManager.createNativeQuery("""
                select id from (
                    select i.conversation_id as id from interaction i
                     where i.conversation_id is not null
                       and to_tsvector('simple', coalesce(i.subject, '') || ' ' || coalesce(i.body_text, ''))
                           @@ websearch_to_tsquery('simple', :q)
                    union
                    select c.id from conversation c join customer cu on cu.id = c.customer_id
                     where to_tsvector('simple', coalesce(cu.display_name, '')) @@ websearch_to_tsquery('simple', :q)
                    union
                    select c.id from conversation c join contact_point p on p.customer_id = c.customer_id
                     where p.value = lower(:q) or p.value = :q
                ) found order by id desc limit 5000""").setParameter("q", search).getResultList();
        return ids.stream().map(Number::longValue).toList();
    }
}
