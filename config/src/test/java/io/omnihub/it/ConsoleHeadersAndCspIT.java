package io.omnihub.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the hub tells browsers: a strict Content-Security-Policy on the console (its own scripts and
 * styles only, no inline script or style attribute, frames only for the hub's email frame), another
 * that loads nothing for API answers, Referrer-Policy, Permissions-Policy and a SameSite session
 * cookie — read from the headers, and checked in Chromium: no console page breaks its policy.
 */
@WithRunningHub
class ConsoleHeadersAndCspIT extends InBrowser {

    @Autowired
    HubClient hub;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MailServer mail;

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse("");
    }

    @Test
    void theConsoleTheApiAndTheEmailFrameSayWhatBrowsersMayDo() {
        ConsoleSession session = ConsoleSession.signIn(hub, HubClient.ADMIN, HubClient.ADMIN_PASSWORD);
        assertThat(session.signInAnswer().headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("JSESSIONID=").contains("HttpOnly").contains("SameSite=Lax"));

        HttpResponse<String> inbox = session.get("/console/inbox");
        assertThat(inbox.statusCode()).isEqualTo(200);
        String csp = header(inbox, "Content-Security-Policy");
        assertThat(csp).contains("default-src 'self'", "script-src 'self'", "style-src 'self'", "frame-src 'self'",
                "frame-ancestors 'self'", "object-src 'none'", "base-uri 'none'").doesNotContain("unsafe");
        assertThat(header(inbox, "Referrer-Policy")).isEqualTo("same-origin");
        assertThat(header(inbox, "Permissions-Policy")).contains("camera=()", "microphone=()", "geolocation=()");
        assertThat(header(inbox, "X-Frame-Options")).isEqualTo("SAMEORIGIN");
        assertThat(header(inbox, "X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(header(session.get("/login"), "Content-Security-Policy")).isEqualTo(csp);

        HttpResponse<String> api = hub.get("/api/v1/conversations", HubClient.ADMIN, HubClient.ADMIN_PASSWORD);
        assertThat(header(api, "Content-Security-Policy")).isEqualTo("default-src 'none'; frame-ancestors 'none'");
        assertThat(header(api, "Referrer-Policy")).isEqualTo("no-referrer");

        // the chat widget is loaded by other sites' pages: it is not held to the console's policy
        HttpResponse<String> widget = hub.get("/channels/chat/widget.js", null, null);
        assertThat(widget.statusCode()).isEqualTo(200);
        assertThat(header(widget, "Content-Security-Policy")).isEmpty();
    }

    @Test
    void noConsolePageBreaksItsContentSecurityPolicy() {
        String run = UUID.randomUUID().toString().substring(0, 6);
        String email = "csp-" + run + "@example.com";
        mail.deliver("support", "From: Cleo Policy <" + email + ">\r\nTo: support@hub.test\r\nSubject: csp " + run
                + "\r\nMessage-ID: <csp-" + run + "@example.com>\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: text/html; charset=utf-8\r\n\r\n<html><body><p style=\"color:#b00\">Styled <b>mail"
                + "</b></p><img src=\"data:image/gif;base64,R0lGODlhAQABAAAAACw=\" alt=\"\"></body></html>\r\n");
        long conversation = await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForList("""
                select c.id from conversation c join contact_point p on p.customer_id = c.customer_id
                 where p.value = ?""", Long.class, email), l -> l.size() == 1).get(0);

        ConsoleBrowser.signIn(browser, hub);
        browser.manage().logs().get(LogType.BROWSER); // what came before the pages under test
        for (String page : List.of("/console/inbox", "/console/inbox?view=mine", "/console/conversations/" + conversation,
                "/console/held", "/console/admin/users")) {
            browser.get(hub.uri(page).toString());
            wait.until(d -> ((JavascriptExecutor) d).executeScript("return document.readyState").equals("complete"));
            if (page.startsWith("/console/conversations") || page.startsWith("/console/inbox")) {
                wait.until(ExpectedConditions.textToBe(By.id("live-state"), "live"));
            }
            if (page.startsWith("/console/conversations")) {
                wait.until(ExpectedConditions.frameToBeAvailableAndSwitchToIt(By.cssSelector("iframe.html")));
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Styled mail"));
                browser.switchTo().defaultContent();
            }
            assertThat(violations()).as(page).isEmpty();
        }
        browser.get(hub.uri("/login").toString());
        assertThat(violations()).as("/login (signed in: on to the inbox)").isEmpty();

        // the check can fail: an inline handler the page did not have is refused, and reported
        ((JavascriptExecutor) browser).executeScript(
                "document.body.insertAdjacentHTML('beforeend', '<img src=\"data:,\" onerror=\"window.ran=1\">')");
        await().atMost(Duration.ofSeconds(10)).until(() -> !violations().isEmpty());
        assertThat(((JavascriptExecutor) browser).executeScript("return window.ran === undefined")).isEqualTo(true);
    }

    /** The CSP violations Chromium reported since the last call. */
    private List<String> violations() {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage)
                .filter(m -> m.contains("Content Security Policy")).toList();
    }
}
