package io.omnihub.console.web;

import io.omnihub.store.channel.Channels;
import io.omnihub.store.conversation.ConversationService;
import io.omnihub.console.api.ConversationController;
import io.omnihub.console.api.CustomerController;
import io.omnihub.console.canned.CannedResponses;
import io.omnihub.console.integrations.OrderLookupController;
import io.omnihub.console.live.AgentActivity;
import io.omnihub.console.reply.ReplyService;
import io.omnihub.store.customer.CustomerMerges;
import io.omnihub.store.team.AgentPresence;
import io.omnihub.store.team.Team;
import io.omnihub.store.team.Teams;
import io.omnihub.console.security.InboxAccess;
import io.omnihub.store.conversation.Conversation;
import io.omnihub.store.conversation.ConversationRepository;
import io.omnihub.store.conversation.ConversationStatus;
import io.omnihub.store.conversation.Priority;
import io.omnihub.store.user.AppUserRepository;
import io.omnihub.store.user.Role;
import java.security.Principal;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The agent console, server-rendered: the unified inbox (every channel in one list) and a
 * conversation with its interactions and a reply form. Pages refresh their live parts from the
 * event stream ({@code /console/events}) by fetching the same fragments they were rendered with.
 * Everything printed is escaped by the templates; email HTML (already sanitized) is shown only in a
 * sandboxed frame that runs no script.
 */
@Controller
class ConsoleController {

    /** Rows per inbox page; older ones are a link away (keyset paging). */
    static final int PAGE = 100;

    private static final FlagNotices NOTICES = new FlagNotices();

    private final ConversationController conversations;
    private final CustomerController customers;
    private final OrderLookupController orders;
    private final ConversationRepository conversationRows;
    private final ConversationService actions;
    private final ReplyService replies;
    private final AgentActivity agentActivity;
    private final InboxAccess access;
    private final CannedResponses canned;
    private final CustomerMerges merges;
    private final AgentPresence presence;
    private final Teams teamDirectory;
    private final AppUserRepository users;
    private final Channels channels;
    private final Clock clock;

    ConsoleController(ConversationController conversations, CustomerController customers, OrderLookupController orders,
            ConversationRepository conversationRows, ConversationService actions, ReplyService replies,
            AgentActivity agentActivity, InboxAccess access, CannedResponses canned, AppUserRepository users,
            CustomerMerges merges, AgentPresence presence, Teams teamDirectory, Channels channels, Clock clock) {
        this.channels = channels;
        this.conversations = conversations;
        this.customers = customers;
        this.orders = orders;
        this.conversationRows = conversationRows;
        this.actions = actions;
        this.replies = replies;
        this.agentActivity = agentActivity;
        this.access = access;
        this.canned = canned;
        this.merges = merges;
        this.presence = presence;
        this.teamDirectory = teamDirectory;
        this.users = users;
        this.clock = clock;
    }

    @GetMapping({"/console", "/console/"})
    String home() {
        return "redirect:/console/inbox";
    }

    /**
     * What the inbox shows: a status, a channel, a view (mine, unassigned, breaching), a team, a
     * priority, search words, and where the page starts (the cursor of the previous page's end).
     */
    record InboxQuery(String status, String channel, String view, String team, String priority, String tag, String q,
            String cursor) {

        String asQueryString() {
            StringBuilder query = new StringBuilder();
            append(query, "status", status);
            append(query, "channel", channel);
            append(query, "view", view);
            append(query, "team", team);
            append(query, "priority", priority);
            append(query, "tag", tag);
            append(query, "q", q);
            append(query, "cursor", cursor);
            return query.toString();
        }

        /** The same list from its first page. */
        public String firstPage() {
            return new InboxQuery(status, channel, view, team, priority, tag, q, null).asQueryString();
        }

        /** The same list from a cursor on. */
        public String from(String next) {
            return new InboxQuery(status, channel, view, team, priority, tag, q, next).asQueryString();
        }

        private static void append(StringBuilder query, String name, String value) {
            if (value != null && !value.isBlank()) {
                query.append(query.isEmpty() ? "" : "&").append(name).append('=')
                        .append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8));
            }
        }
    }

    @GetMapping("/console/inbox")
    String inbox(InboxQuery query, Model model, Principal agent) {
        fillInbox(query, model, agent);
        model.addAttribute("agent", agent.getName());
        model.addAttribute("admin", agent instanceof org.springframework.security.core.Authentication a
                && a.getAuthorities().stream().anyMatch(g -> "ROLE_ADMIN".equals(g.getAuthority())));
        model.addAttribute("presence", presence.of(agent.getName()).name());
        return "console/inbox";
    }

    @GetMapping("/console/inbox/rows")
    String inboxRows(InboxQuery query, Model model, Principal agent) {
        fillInbox(query, model, agent);
        return "console/inbox :: rows";
    }

    @GetMapping("/console/conversations/{id}")
    String conversation(@PathVariable long id, Model model, Principal agent) {
        var detail = conversations.get(id);
        model.addAttribute("detail", detail);
        model.addAttribute("agent", agent.getName());
        model.addAttribute("assignee", detail.conversation().assigneeId() == null ? null
                : users.findById(detail.conversation().assigneeId()).map(u -> u.getUsername()).orElse("?"));
        long customer = detail.conversation().customerId();
        model.addAttribute("customer", customers.get(customer));
        var visibility = access.visibility(agent);
        List<Conversation> history = conversationRows.findTop20ByCustomerIdOrderByLastActivityAtDescIdDesc(customer)
                .stream().filter(h -> visibility == null || visibility.allows(h.getInboxId(), h.getTeamId())).toList();
        model.addAttribute("history", history);
        model.addAttribute("mergeCandidates", history.stream()
                .filter(h -> h.getId() != id && h.getMergedIntoId() == null).toList());
        model.addAttribute("time", new TimeLabels(clock.instant()));
        model.addAttribute("notices", NOTICES);
        ReplyService.ReplyOptions options = replies.replyOptions(id);
        model.addAttribute("replyChannels", options.channels());
        model.addAttribute("replyBlocked", options.blocked());
        model.addAttribute("canned", canned.offeredTo(agent));
        model.addAttribute("staff", users.findAll(org.springframework.data.domain.Sort.by("username")).stream()
                .filter(u -> u.isEnabled() && u.getRoles().stream().anyMatch(r -> r != Role.INTEGRATION)).toList());
        model.addAttribute("teams", teams());
        boolean supervisor = agent instanceof org.springframework.security.core.Authentication a
                && a.getAuthorities().stream().anyMatch(g -> "ROLE_SUPERVISOR".equals(g.getAuthority())
                        || "ROLE_ADMIN".equals(g.getAuthority()));
        model.addAttribute("supervisor", supervisor);
        model.addAttribute("merges", supervisor ? merges.undoableInto(customer, 10) : List.of());
        Conversation row = conversationRows.findById(id).orElseThrow();
        model.addAttribute("chatSession", channels.liveSession(row.getChannel(), row.getThreadKey()).orElse(null));
        return "console/conversation";
    }

    @GetMapping("/console/conversations/{id}/items")
    String items(@PathVariable long id, Model model) {
        model.addAttribute("detail", conversations.get(id));
        model.addAttribute("time", new TimeLabels(clock.instant()));
        model.addAttribute("notices", NOTICES);
        return "console/conversation :: items";
    }

    /** The agent's own presence, from the inbox's header. */
    @PostMapping("/console/presence")
    String presence(@RequestParam AgentPresence.Status status, Principal agent) {
        presence.set(agent.getName(), status);
        return "redirect:/console/inbox";
    }

    /** A canned response filled for this conversation, for the page to put into the reply box. */
    @GetMapping(path = "/console/conversations/{id}/canned/{shortcut}", produces = "text/plain;charset=UTF-8")
    @org.springframework.web.bind.annotation.ResponseBody
    String canned(@PathVariable long id, @PathVariable String shortcut, Principal agent) {
        return canned.render(id, shortcut, agent);
    }

    /** The agent is looking at the conversation, typing in it, or has left it: shown to others on it. */
    @PostMapping("/console/conversations/{id}/activity")
    @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.NO_CONTENT)
    void activity(@PathVariable long id, @RequestParam String activity, Principal agent) {
        Conversation conversation = conversationRows.findById(id).orElseThrow(() -> new ResponseStatusException(
                org.springframework.http.HttpStatus.NOT_FOUND, "there is no conversation " + id));
        if (!AgentActivity.ACTIVITIES.contains(activity)) {
            throw new ResponseStatusException(org.springframework.http.HttpStatus.BAD_REQUEST,
                    "activity is one of " + AgentActivity.ACTIVITIES);
        }
        agentActivity.publish(conversation, users.findByUsername(agent.getName()).orElseThrow(), activity);
    }

    @PostMapping("/console/conversations/{id}/reply")
    String reply(@PathVariable long id, @RequestParam String text,
            @RequestParam(required = false) String channel, Principal agent, RedirectAttributes redirect) {
        if (text == null || text.isBlank()) {
            redirect.addFlashAttribute("error", "Write something to send.");
            return "redirect:/console/conversations/" + id;
        }
        try {
            replies.reply(id, channel, text, List.of(), users.findByUsername(agent.getName()).orElseThrow());
            redirect.addFlashAttribute("notice", "Reply queued; its delivery status appears below.");
        } catch (ResponseStatusException e) {
            redirect.addFlashAttribute("error", e.getReason());
        }
        return "redirect:/console/conversations/" + id;
    }

    /** A FAILED reply sent again, from its line in the conversation. */
    @PostMapping("/console/conversations/{id}/replies/{reply}/resend")
    String resend(@PathVariable long id, @PathVariable long reply, Principal agent, RedirectAttributes redirect) {
        try {
            replies.resend(id, reply, users.findByUsername(agent.getName()).orElseThrow());
            redirect.addFlashAttribute("notice", "Sending it again; its delivery status appears below.");
        } catch (ResponseStatusException e) {
            redirect.addFlashAttribute("error", e.getReason());
        }
        return "redirect:/console/conversations/" + id;
    }

    /** The customer panel's orders, asked from the ERP when the page has loaded (it never waits for the ERP). */
    @GetMapping("/console/customers/{id}/orders")
    String orders(@PathVariable long id, Model model) throws Exception {
        model.addAttribute("orders", orders.orders(id));
        return "console/conversation :: orders";
    }

    /** The buttons of the conversation page: claim, unassign, resolve, reopen, pending, a priority. */
    @PostMapping("/console/conversations/{id}/action")
    String act(@PathVariable long id, @RequestParam("do") String action,
            @RequestParam(required = false) String priority, @RequestParam(required = false) String assignee,
            @RequestParam(required = false) String team, @RequestParam(required = false) String tags,
            @RequestParam(required = false) Long other, Principal agent, RedirectAttributes redirect) {
        String me = agent.getName();
        try {
            switch (action) {
                case "claim" -> actions.assign(id, me, me);
                case "unassign" -> actions.assign(id, null, me);
                case "resolve" -> actions.changeStatus(id, ConversationStatus.RESOLVED, me);
                case "reopen" -> actions.changeStatus(id, ConversationStatus.OPEN, me);
                case "pending" -> actions.changeStatus(id, ConversationStatus.PENDING, me);
                case "priority" -> actions.changePriority(id, Priority.valueOf(priority), me);
                case "give" -> actions.assign(id, assignee, me);
                case "transfer" -> actions.transfer(id, team, me);
                case "tags" -> actions.retag(id, List.of(tags == null ? new String[0] : tags.split(",")), me);
                case "merge" -> {
                    if (other == null) {
                        throw new IllegalArgumentException("choose the conversation to merge into this one");
                    }
                    access.require(other, agent);
                    int moved = actions.merge(id, other, me);
                    redirect.addFlashAttribute("notice", "Conversation " + other + " merged into this one ("
                            + moved + (moved == 1 ? " interaction" : " interactions") + " moved).");
                }
                default -> throw new IllegalArgumentException("unknown action " + action);
            }
        } catch (IllegalArgumentException | io.omnihub.store.NotFound | io.omnihub.store.Refused e) {
            redirect.addFlashAttribute("error", e.getMessage());
        } catch (ResponseStatusException e) {
            redirect.addFlashAttribute("error", e.getReason());
        }
        return "redirect:/console/conversations/" + id;
    }

    @PostMapping("/console/conversations/{id}/note")
    String note(@PathVariable long id, @RequestParam String text, Principal agent, RedirectAttributes redirect) {
        try {
            actions.note(id, text, users.findByUsername(agent.getName()).orElseThrow());
            redirect.addFlashAttribute("notice", "Note added (agents only; never sent to the customer).");
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        } catch (ResponseStatusException e) {
            redirect.addFlashAttribute("error", e.getReason());
        }
        return "redirect:/console/conversations/" + id;
    }

    private void fillInbox(InboxQuery query, Model model, Principal agent) {
        String statuses = query.status() == null || query.status().isBlank() ? "open,pending" : query.status();
        String view = blankToNull(query.view());
        model.addAttribute("page", conversations.list(statuses, null, blankToNull(query.channel()),
                "mine".equals(view) ? "me" : null, "unassigned".equals(view), blankToNull(query.team()),
                blankToNull(query.priority()), "breaching".equals(view), blankToNull(query.q()),
                blankToNull(query.cursor()), PAGE, blankToNull(query.tag()), agent));
        model.addAttribute("teams", teams());
        model.addAttribute("query", query);
        model.addAttribute("liveQuery", query.asQueryString());
        model.addAttribute("time", new TimeLabels(clock.instant()));
    }

    private List<Team> teams() {
        return teamDirectory.byName();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
