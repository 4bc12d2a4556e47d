package io.omnihub.console.canned;

import java.security.Principal;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.omnihub.console.api.NotFoundException;
import io.omnihub.console.security.InboxAccess;
import io.omnihub.store.audit.AuditTrail;
import io.omnihub.store.canned.CannedResponseLibrary;
import io.omnihub.store.canned.CannedResponseLibrary.Canned;
import io.omnihub.store.inbox.Inbox;
import io.omnihub.store.inbox.InboxRepository;
import io.omnihub.store.team.Team;
import io.omnihub.store.team.Teams;
import io.omnihub.store.conversation.Conversation;
import io.omnihub.store.conversation.ConversationRepository;
import io.omnihub.store.customer.ContactPoint;
import io.omnihub.store.customer.ContactPointRepository;
import io.omnihub.store.customer.ContactPointType;
import io.omnihub.store.customer.CustomerRepository;
import io.omnihub.store.user.AppUserRepository;

/**
 * Canned responses: kept by supervisors and administrators, offered to the agents of their team
 * (or to everyone), and filled with a conversation's merge fields when an agent inserts one.
 */
@Service
public class CannedResponses {

    private final CannedResponseLibrary library;
    private final Teams teams;
    private final InboxRepository inboxes;
    private final ConversationRepository conversations;
    private final CustomerRepository customers;
    private final ContactPointRepository contactPoints;
    private final AppUserRepository users;
    private final InboxAccess access;
    private final AuditTrail audit;
    private final Clock clock;

    CannedResponses(CannedResponseLibrary library, Teams teams, InboxRepository inboxes,
            ConversationRepository conversations, CustomerRepository customers,
            ContactPointRepository contactPoints, AppUserRepository users, InboxAccess access, AuditTrail audit,
            Clock clock) {
        this.library = library;
        this.teams = teams;
        this.inboxes = inboxes;
        this.conversations = conversations;
        this.customers = customers;
        this.contactPoints = contactPoints;
        this.users = users;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    /** What the viewer is offered: everyone's responses and their teams' (all, for supervisors and admins). */
    @Transactional(readOnly = true)
    public List<Canned> offeredTo(Principal viewer) {
        return library.offeredTo(viewer.getName(), access.visibility(viewer) == null);
    }

    @Transactional
    public Canned save(Long id, String shortcut, String title, String body, String team, Principal author) {
        List<String> unknown = MergeFields.unknown(body);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown merge field" + (unknown.size() > 1 ? "s " : " ")
                    + String.join(", ", unknown.stream().map(f -> "{{" + f + "}}").toList()) + "; known: "
                    + String.join(", ", MergeFields.KNOWN.stream().sorted().map(f -> "{{" + f + "}}").toList()));
        }
        if (shortcut == null || !shortcut.matches("[a-z0-9][a-z0-9-]{0,40}")) {
            throw new IllegalArgumentException("shortcut is 1 to 41 lower-case letters, digits and '-', e.g. 'thanks'");
        }
        Long teamId = team == null || team.isBlank() ? null : teams.find(team).map(Team::getId)
                .orElseThrow(() -> new IllegalArgumentException("there is no team " + team));
        id = library.save(id, shortcut, title, body, teamId, author.getName(), clock.instant());
        audit.record(author.getName(), "canned-response.saved", "canned_response", id, Map.of("shortcut", shortcut));
        return new Canned(id, shortcut, title, body, team == null || team.isBlank() ? null : team);
    }

    @Transactional
    public void delete(long id, Principal author) {
        library.delete(id);
        audit.record(author.getName(), "canned-response.deleted", "canned_response", id, Map.of());
    }

    /** The response with this shortcut, filled for the conversation and the agent inserting it. */
    @Transactional(readOnly = true)
    public String render(long conversationId, String shortcut, Principal agent) {
        Canned canned = offeredTo(agent).stream().filter(c -> c.shortcut().equals(shortcut)).findFirst()
                .orElseThrow(() -> new NotFoundException("there is no canned response '" + shortcut + "' for you"));
        Conversation conversation = conversations.findById(conversationId)
                .orElseThrow(() -> new NotFoundException("there is no conversation " + conversationId));
        return MergeFields.render(canned.body(), values(conversation, agent));
    }

    private Map<String, String> values(Conversation conversation, Principal agent) {
        Map<String, String> values = new LinkedHashMap<>();
        customers.findById(conversation.getCustomerId()).ifPresent(customer -> {
            String name = customer.getDisplayName();
            values.put("customer.name", name);
            values.put("customer.firstName", name == null ? null : name.strip().split("\\s+")[0]);
            values.put("customer.erpNumber", customer.getErpNumber());
        });
        List<ContactPoint> points = contactPoints.findByCustomerIdOrderByIdAsc(conversation.getCustomerId());
        values.put("customer.email", first(points, ContactPointType.EMAIL));
        values.put("customer.phone", first(points, ContactPointType.PHONE));
        users.findByUsername(agent.getName()).ifPresent(u -> values.put("agent.name", u.shownName()));
        values.put("conversation.id", conversation.getId().toString());
        values.put("conversation.subject", conversation.getSubject());
        values.put("inbox.name", inboxes.findById(conversation.getInboxId()).map(Inbox::getName).orElse(null));
        return values;
    }

    private static String first(List<ContactPoint> points, ContactPointType type) {
        return points.stream().filter(p -> p.getType() == type).map(ContactPoint::getValue).findFirst().orElse(null);
    }
}
