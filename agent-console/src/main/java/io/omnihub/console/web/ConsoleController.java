package io.omnihub.console.web;

import io.omnihub.console.api.ConversationController;
import io.omnihub.console.reply.ReplyService;
import io.omnihub.store.user.AppUserRepository;
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

    private final ConversationController conversations;
    private final ReplyService replies;
    private final AppUserRepository users;
    private final Clock clock;

    ConsoleController(ConversationController conversations, ReplyService replies, AppUserRepository users,
            Clock clock) {
        this.conversations = conversations;
        this.replies = replies;
        this.users = users;
        this.clock = clock;
    }

    @GetMapping({"/console", "/console/"})
    String home() {
        return "redirect:/console/inbox";
    }

    @GetMapping("/console/inbox")
    String inbox(@RequestParam(required = false) String status, @RequestParam(required = false) String channel,
            Model model, Principal agent) {
        fillInbox(status, channel, model);
        model.addAttribute("agent", agent.getName());
        return "console/inbox";
    }

    @GetMapping("/console/inbox/rows")
    String inboxRows(@RequestParam(required = false) String status, @RequestParam(required = false) String channel,
            Model model) {
        fillInbox(status, channel, model);
        return "console/inbox :: rows";
    }

    @GetMapping("/console/conversations/{id}")
    String conversation(@PathVariable long id, Model model, Principal agent) {
        model.addAttribute("detail", conversations.get(id));
        model.addAttribute("agent", agent.getName());
        model.addAttribute("time", new TimeLabels(clock.instant()));
        return "console/conversation";
    }

    @GetMapping("/console/conversations/{id}/items")
    String items(@PathVariable long id, Model model) {
        model.addAttribute("detail", conversations.get(id));
        model.addAttribute("time", new TimeLabels(clock.instant()));
        return "console/conversation :: items";
    }

    @PostMapping("/console/conversations/{id}/reply")
    String reply(@PathVariable long id, @RequestParam String text, Principal agent, RedirectAttributes redirect) {
        if (text == null || text.isBlank()) {
            redirect.addFlashAttribute("error", "Write something to send.");
            return "redirect:/console/conversations/" + id;
        }
        try {
            replies.reply(id, text, List.of(), users.findByUsername(agent.getName()).orElseThrow());
            redirect.addFlashAttribute("notice", "Reply queued; its delivery status appears below.");
        } catch (ResponseStatusException e) {
            redirect.addFlashAttribute("error", e.getReason());
        }
        return "redirect:/console/conversations/" + id;
    }

    private void fillInbox(String status, String channel, Model model) {
        String statuses = status == null || status.isBlank() ? "open,pending" : status;
        model.addAttribute("page", conversations.list(statuses, null, blankToNull(channel), null, 100));
        model.addAttribute("status", statuses);
        model.addAttribute("channel", blankToNull(channel));
        model.addAttribute("time", new TimeLabels(clock.instant()));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
