package io.omnihub.console.security;

import java.util.Map;
import java.util.Optional;

import io.omnihub.store.interaction.AttachmentRepository;
import io.omnihub.store.interaction.InteractionRepository;
import io.omnihub.store.task.ConversationTaskRepository;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Keeps agents out of conversations of restricted inboxes their teams do not work, on every page
 * and API route that names one — a conversation, one of its interactions, attachments or tasks —
 * before the handler runs (403 with the reason); and out of customers known only there.
 */
class RestrictedInboxGuard implements HandlerInterceptor {

    private final InboxAccess access;
    private final AttachmentRepository attachments;
    private final InteractionRepository interactions;
    private final ConversationTaskRepository tasks;

    RestrictedInboxGuard(InboxAccess access, AttachmentRepository attachments, InteractionRepository interactions,
            ConversationTaskRepository tasks) {
        this.access = access;
        this.attachments = attachments;
        this.interactions = interactions;
        this.tasks = tasks;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        @SuppressWarnings("unchecked")
        Map<String, String> variables = (Map<String, String>) request
                .getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        Authentication viewer = SecurityContextHolder.getContext().getAuthentication();
        if (pattern == null || variables == null || viewer == null || !variables.containsKey("id")) {
            return true;
        }
        Long id;
        try {
            id = Long.valueOf(variables.get("id"));
        } catch (NumberFormatException e) {
            return true;
        }
        if (namesCustomer(pattern.toString())) {
            access.requireCustomer(id, viewer);
            return true;
        }
        Long conversation = conversationNamedBy(pattern.toString(), id);
        if (conversation != null) {
            access.require(conversation, viewer);
        }
        return true;
    }

    private static boolean namesCustomer(String pattern) {
        return pattern.startsWith("/api/v1/customers/{id}") || pattern.startsWith("/console/customers/{id}");
    }

    private Long conversationNamedBy(String pattern, long id) {
        if (pattern.startsWith("/api/v1/conversations/{id}") || pattern.startsWith("/console/conversations/{id}")) {
            return id;
        }
        Optional<Long> conversation = switch (pattern) {
            case "/api/v1/attachments/{id}", "/console/attachments/{id}" -> attachments.conversationIdOf(id);
            case "/api/v1/interactions/{id}/original", "/console/interactions/{id}/html" ->
                    interactions.conversationIdOf(id);
            case "/api/v1/tasks/{id}/done" -> tasks.conversationIdOf(id);
            default -> Optional.empty();
        };
        return conversation.orElse(null);
    }
}
