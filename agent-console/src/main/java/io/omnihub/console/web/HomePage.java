package io.omnihub.console.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The hub's address on its own opens the console's inbox: typed into a browser, bookmarked, or where
 * a sign-in returns to after a sign-out (it answered a JSON "No static resource" before).
 */
@Controller
class HomePage {

    @GetMapping("/")
    String home() {
        return "redirect:/console/inbox";
    }
}
