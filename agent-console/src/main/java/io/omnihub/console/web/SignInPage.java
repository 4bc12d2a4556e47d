package io.omnihub.console.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The console's sign-in page, saying plainly why a sign-in did not work: a wrong user name or
 * password, a disabled account, or too many failed tries (and how long to wait); and that a session
 * ended. Someone already signed in goes on to the inbox.
 */
@Controller
class SignInPage {

    @GetMapping("/login")
    String signIn(HttpServletRequest request, Model model) {
        if (request.getUserPrincipal() != null) {
            return "redirect:/console/inbox";
        }
        HttpSession session = request.getSession(false);
        Object failure = session == null ? null : session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        if (request.getParameter("error") != null && failure instanceof AuthenticationException e) {
            model.addAttribute("error", e instanceof BadCredentialsException ? "Wrong user name or password."
                    : e instanceof DisabledException ? "This account is disabled: ask an administrator."
                    : capitalized(e.getMessage()) + ".");
        }
        if (request.getParameter("signed-out") != null) {
            model.addAttribute("notice", "You are signed out.");
        }
        if (request.getParameter("expired") != null) {
            model.addAttribute("notice", "Your session had ended, so that was not saved: please sign in again.");
        }
        return "console/sign-in";
    }

    private static String capitalized(String text) {
        return text == null || text.isEmpty() ? "Sign-in failed" : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
