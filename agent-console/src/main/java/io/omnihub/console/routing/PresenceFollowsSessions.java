package io.omnihub.console.routing;

import io.omnihub.store.team.AgentPresence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.session.SessionDestroyedEvent;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.stereotype.Component;

/**
 * An agent's presence follows their console sessions: when one ends — they sign out, or it expires
 * — and they have no other session open on this node, they are set OFFLINE, so routing stops giving
 * them conversations and the chat widget stops saying someone is online.
 */
@Component
class PresenceFollowsSessions {

    private static final Logger log = LoggerFactory.getLogger(PresenceFollowsSessions.class);

    private final SessionRegistry sessions;
    private final AgentPresence presence;

    PresenceFollowsSessions(SessionRegistry sessions, AgentPresence presence) {
        this.sessions = sessions;
        this.presence = presence;
    }

    @EventListener
    public void sessionEnded(SessionDestroyedEvent event) {
        for (SecurityContext context : event.getSecurityContexts()) {
            if (context.getAuthentication() == null) {
                continue;
            }
            Object principal = context.getAuthentication().getPrincipal();
            String username = context.getAuthentication().getName();
            boolean another = sessions.getAllSessions(principal, false).stream()
                    .anyMatch(s -> !s.getSessionId().equals(event.getId()));
            if (!another && presence.of(username) != AgentPresence.Status.OFFLINE) {
                presence.set(username, AgentPresence.Status.OFFLINE);
                log.info("{} is OFFLINE: their console session ended", username);
            }
        }
    }
}
