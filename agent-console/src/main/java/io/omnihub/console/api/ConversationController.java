package io.omnihub.console.api;

import io.omnihub.store.conversation.Conversation;
import io.omnihub.store.conversation.ConversationFilter;
import io.omnihub.store.conversation.ConversationRepository;
import io.omnihub.store.conversation.ConversationStatus;
import io.omnihub.store.customer.Customer;
import io.omnihub.store.customer.CustomerRepository;
import io.omnihub.store.interaction.Interaction;
import io.omnihub.store.interaction.InteractionRepository;
import io.omnihub.store.page.Keyset;
import io.omnihub.store.team.TeamRepository;
import io.omnihub.store.user.AppUserRepository;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/conversations")
@Tag(name = "Conversations", description = "Conversations across every inbox and channel")
public class ConversationController {

    private static final int PREVIEW = 140;

    private final ConversationRepository conversations;
    private final CustomerRepository customers;
    private final InteractionRepository interactions;
    private final InteractionViews views;
    private final InboxNames inboxes;
    private final AppUserRepository users;
    private final TeamRepository teams;
    private final java.time.Clock clock;
    private final io.omnihub.console.security.InboxAccess access;

    ConversationController(ConversationRepository conversations, CustomerRepository customers,
            InteractionRepository interactions, InteractionViews views, InboxNames inboxes, AppUserRepository users,
            TeamRepository teams, java.time.Clock clock, io.omnihub.console.security.InboxAccess access) {
        this.conversations = conversations;
        this.customers = customers;
        this.interactions = interactions;
        this.views = views;
        this.inboxes = inboxes;
        this.users = users;
        this.teams = teams;
        this.clock = clock;
        this.access = access;
    }

    @GetMapping
    @Transactional(readOnly = true)
    @Operation(summary = "Conversations, most recent activity first",
            description = "Filters combine; keyset-paginated: pass the previous page's `next` as `cursor`.")
    public Page<ConversationSummary> list(
            @Parameter(description = "open, pending or resolved; comma-separated for several")
            @RequestParam(required = false) String status,
            @Parameter(description = "inbox key, e.g. contact") @RequestParam(required = false) String inbox,
            @Parameter(description = "webform, email, sms, voice, chat") @RequestParam(required = false) String channel,
            @Parameter(description = "`me`, or a user name: conversations assigned to them")
            @RequestParam(required = false) String assignee,
            @Parameter(description = "only conversations nobody is assigned") @RequestParam(defaultValue = "false")
            boolean unassigned,
            @Parameter(description = "team key") @RequestParam(required = false) String team,
            @Parameter(description = "LOW, NORMAL, HIGH or URGENT") @RequestParam(required = false) String priority,
            @Parameter(description = "only conversations near or past an SLA target")
            @RequestParam(defaultValue = "false") boolean breaching,
            @Parameter(description = "words in subjects, texts or the customer's name, or an exact email address or "
                    + "phone number") @RequestParam(required = false) String q,
            @RequestParam(required = false) String cursor,
            @Parameter(description = "page size, 1-200") @RequestParam(defaultValue = "50") int limit,
            @Parameter(description = "only conversations with this tag") @RequestParam(required = false) String tag,
            java.security.Principal me) {
        Long assigneeId = assignee == null || assignee.isBlank() ? null
                : found(users.findIdByUsername("me".equals(assignee) ? me.getName() : assignee), "user " + assignee);
        Long teamId = team == null || team.isBlank() ? null : found(teams.findIdByKey(team), "team " + team);
        io.omnihub.store.conversation.Priority level;
        try {
            level = priority == null || priority.isBlank() ? null
                    : io.omnihub.store.conversation.Priority.valueOf(priority.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new org.springframework.web.server.ResponseStatusException(org.springframework.http.HttpStatus.BAD_REQUEST,
                    "priority is LOW, NORMAL, HIGH or URGENT");
        }
        return page(new ConversationFilter(statuses(status), inbox == null ? null : inboxes.id(inbox), channel,
                assigneeId, unassigned, teamId, level, breaching, q).visibleTo(access.visibility(me)).tagged(tag), cursor,
                limit);
    }

    /** One page of the list for a filter (the console renders the same). */
    @Transactional(readOnly = true)
    public Page<ConversationSummary> page(ConversationFilter filter, String cursor, int limit) {
        int size = CustomerController.pageSize(limit);
        Keyset after = cursor == null || cursor.isBlank() ? null : Keyset.decode(cursor);
        List<Conversation> rows = conversations.list(filter, after, size + 1);
        List<Conversation> page = rows.size() > size ? rows.subList(0, size) : rows;
        String next = null;
        if (rows.size() > size) {
            Conversation last = page.get(page.size() - 1);
            next = new Keyset(last.getLastActivityAt(), last.getId()).encode();
        }
        return new Page<>(summaries(page), next);
    }

    private static Long found(Optional<Long> id, String what) {
        return id.orElseThrow(() -> new NotFoundException("there is no " + what));
    }

    @GetMapping("/{id}")
    @Transactional(readOnly = true)
    @Operation(summary = "A conversation with all its interactions, oldest first")
    public ConversationDetail get(@PathVariable Long id) {
        Conversation conversation = conversations.findById(id)
                .orElseThrow(() -> new NotFoundException("there is no conversation " + id));
        return new ConversationDetail(summaries(List.of(conversation)).get(0),
                views.of(interactions.findByConversationIdOrderByOccurredAtAscIdAsc(id)));
    }

    private List<ConversationSummary> summaries(List<Conversation> page) {
        if (page.isEmpty()) {
            return List.of();
        }
        Map<Long, String> names = customers.findAllById(page.stream().map(Conversation::getCustomerId).toList())
                .stream().collect(Collectors.toMap(Customer::getId,
                        c -> c.getDisplayName() == null ? "" : c.getDisplayName()));
        Map<Long, Interaction> latest = interactions
                .latestOfConversations(page.stream().map(Conversation::getId).toList()).stream()
                .collect(Collectors.toMap(Interaction::getConversationId, Function.identity()));
        return page.stream().map(c -> new ConversationSummary(c.getId(), c.getCustomerId(),
                names.get(c.getCustomerId()), inboxes.key(c.getInboxId()), c.getChannel(), c.getStatus().name(),
                c.getPriority().name(), c.getSubject(), c.getAssigneeId(), c.getOpenedAt(), c.getLastActivityAt(),
                c.getWaitingSince(), c.getFirstResponseAt(), c.getResolvedAt(), c.getThreadingRule(),
                preview(latest.get(c.getId())), new ConversationSummary.Sla(c.getSlaPolicy(), c.getFirstResponseDueAt(),
                        c.getResolutionDueAt(), c.slaState(clock.instant())), c.getTags())).toList();
    }

    private static String preview(Interaction interaction) {
        if (interaction == null || interaction.getBodyText() == null) {
            return null;
        }
        String text = interaction.getBodyText().strip().replaceAll("\\s+", " ");
        return text.length() <= PREVIEW ? text : text.substring(0, PREVIEW - 1) + "…";
    }

    private static Set<ConversationStatus> statuses(String status) {
        if (status == null || status.isBlank()) {
            return Set.of();
        }
        Set<ConversationStatus> result = EnumSet.noneOf(ConversationStatus.class);
        for (String s : status.split(",")) {
            try {
                result.add(ConversationStatus.valueOf(s.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("status '" + s.strip() + "' is not one of open, pending, resolved");
            }
        }
        return result;
    }
}
