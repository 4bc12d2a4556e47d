package io.omnihub.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A set of script-injection payloads, each in a customer's name, subject and message (web form) and
 * in an email's HTML body, shown in the console's inbox and conversation pages in Chromium: every
 * one is shown as text (or dropped by the sanitizer) and none runs — no flag set, no dialog opened.
 */
@WithRunningHub
class ConsoleXssIT extends InBrowser {

    /** Each sets window.pwned (or opens a dialog) if it ever runs. */
    static final List<String> PAYLOADS = List.of(
            "<script>window.pwned=1</script>",
            "<img src=x onerror=window.pwned=1>",
            "<svg onload=window.pwned=1>",
            "\"><script>window.pwned=1</script>",
            "'><img src=x onerror=alert(1)>",
            "</textarea><script>window.pwned=1</script>",
            "</title><script>window.pwned=1</script>",
            "<iframe src=\"javascript:parent.pwned=1\"></iframe>",
            "<a href=\"javascript:window.pwned=1\" id=xss-link>click</a>",
            "<body onload=window.pwned=1>",
            "<details open ontoggle=window.pwned=1>",
            "<math><mtext><table><mglyph><style><img src=x onerror=window.pwned=1>",
            "<object data=\"javascript:window.pwned=1\"></object>",
            "<input autofocus onfocus=window.pwned=1>",
            "{{constructor.constructor('window.pwned=1')()}}",
            "[[${T(java.lang.Runtime).getRuntime()}]]",
            "javascript:window.pwned=1",
            "<meta http-equiv=\"refresh\" content=\"0;url=javascript:window.pwned=1\">");

    @Autowired
    HubClient hub;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MailServer mail;




    @Test
    void noPayloadRunsInTheInboxOrTheConversationAndEachIsShownAsText() {
        String run = UUID.randomUUID().toString().substring(0, 6);
        String email = "xss-" + run + "@example.com";
        String text = String.join("\n", PAYLOADS);
        assertThat(hub.postForm("contact", HubClient.fields("name", "Mallory " + PAYLOADS.get(1), "email", email,
                "subject", "xss " + run + " " + PAYLOADS.get(0), "message", text)).statusCode()).isEqualTo(202);
        String htmlMail = "From: Mallory <" + email + ">\r\nTo: support@hub.test\r\nSubject: xss-html " + run
                + "\r\nMessage-ID: <xss-" + run + "@example.com>\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: text/html; charset=utf-8\r\n\r\n<html><body><p>Hello</p>" + String.join("", PAYLOADS)
                + "</body></html>\r\n";
        mail.deliver("support", htmlMail);
        List<Long> conversations = await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForList("""
                select c.id from conversation c join contact_point p on p.customer_id = c.customer_id
                 where p.value = ? order by c.id""", Long.class, email), l -> l.size() == 2);

        ConsoleBrowser.signIn(browser, hub);
        browser.get(hub.uri("/console/inbox?q=" + run).toString());
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("live"), "Mallory"));
        assertInert();
        assertThat(browser.findElement(By.id("live")).getText()).contains("Mallory " + PAYLOADS.get(1));

        browser.get(hub.uri("/console/conversations/" + conversations.get(0)).toString());
        wait.until(ExpectedConditions.textToBe(By.id("live-state"), "live"));
        String page = browser.findElement(By.tagName("body")).getText();
        for (String payload : PAYLOADS) {
            assertThat(page).as("shown as text: %s", payload).contains(payload);
        }
        assertInert();

        // the email's HTML, sanitized, in a frame that runs no script
        browser.get(hub.uri("/console/conversations/" + conversations.get(1)).toString());
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("iframe.html")));
        wait.until(ExpectedConditions.textToBe(By.id("live-state"), "live"));
        // read in one go: the live part of the page may be swapped in between two reads; the frame's
        // document is the hub's own sanitized HTML, served with a policy that lets no script run
        @SuppressWarnings("unchecked")
        Map<String, Object> frame = (Map<String, Object>) ((JavascriptExecutor) browser).executeAsyncScript(
                "const done = arguments[arguments.length - 1]; const f = document.querySelector('iframe.html');"
                + " fetch(f.src).then(r => r.text().then(t => done({sandbox: f.getAttribute('sandbox'), html: t,"
                + " csp: r.headers.get('Content-Security-Policy')})));");
        assertThat(frame.get("sandbox")).isEqualTo("");
        assertThat(String.valueOf(frame.get("csp"))).contains("default-src 'none'").contains("sandbox")
                .doesNotContain("script-src");
        String srcdoc = String.valueOf(frame.get("html"));
        assertThat(srcdoc).contains("Hello").doesNotContainIgnoringCase("<script").doesNotContainIgnoringCase("onerror")
                .doesNotContainIgnoringCase("javascript:").doesNotContainIgnoringCase("onload")
                .doesNotContainIgnoringCase("<iframe").doesNotContainIgnoringCase("<object");
        assertInert();
    }

    private void assertInert() {
        // anything that would run (onerror, autofocus, refresh) gets half a second to do so, and nothing does
        await().during(java.time.Duration.ofMillis(500))
                .atMost(java.time.Duration.ofSeconds(5)).until(() -> Boolean.TRUE.equals(
                        ((JavascriptExecutor) browser).executeScript("return window.pwned === undefined;")));
        try {
            browser.switchTo().alert();
            throw new AssertionError("a payload opened a dialog");
        } catch (NoAlertPresentException expected) {
            // nothing ran
        }
        assertThat(browser.getCurrentUrl()).startsWith(hub.uri("/console").toString());
    }
}
