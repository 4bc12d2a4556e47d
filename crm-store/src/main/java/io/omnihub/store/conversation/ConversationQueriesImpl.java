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
}
