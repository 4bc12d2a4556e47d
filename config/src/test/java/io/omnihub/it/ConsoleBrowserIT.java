package io.omnihub.it;

import static io.omnihub.it.TwilioSmsWebhookIT.PUBLIC_URL;
import static io.omnihub.it.TwilioSmsWebhookIT.TOKEN;
import static io.omnihub.it.TwilioSmsWebhookIT.form;
import static io.omnihub.it.TwilioSmsWebhookIT.twilioSignature;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The console in a real browser (Debian's Chromium, headless, through chromedriver): an agent signs
 * in, sees a new SMS conversation appear in the inbox without reloading, opens it with the keyboard,
 * replies, and sees the delivery status change live; a script in a message never runs.
 */
@WithRunningHub
class ConsoleBrowserIT extends InBrowser {

    @Autowired
    HubClient hub;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TwilioApiStub twilio;




    private void signIn() {
        ConsoleBrowser.signIn(browser, hub);
    }

    private void sms(String sid, String from, String body) throws Exception {
        List<String[]> params = TwilioSmsWebhookIT.inboundSms(sid, from, body);
        assertThat(hub.send(HttpRequest.newBuilder(hub.uri("/channels/twilio/sms"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Twilio-Signature", twilioSignature(TOKEN, PUBLIC_URL, params))
                .POST(HttpRequest.BodyPublishers.ofString(form(params)))).statusCode()).isEqualTo(200);
    }

    @Test
    void anAgentSeesANewSmsLiveRepliesAndWatchesTheDeliveryStatus() throws Exception {
        String canned = "browser-" + UUID.randomUUID().toString().substring(0, 6);
        assertThat(hub.postJsonAsAdmin("/api/v1/canned-responses", Map.of("shortcut", canned, "title",
                "Greeting", "body", "Hello {{customer.firstName|there}}, {{agent.name}} here.")).statusCode())
                .isEqualTo(201);
        signIn();
        Object loadedAt = ((JavascriptExecutor) browser).executeScript("return window.omnihubLoadedAt;");
        String phone = "+1470555" + String.format("01%02d", (int) (Math.random() * 100));
        String text = "Browser test " + UUID.randomUUID().toString().substring(0, 6) + " <script>window.pwned=1</script>";
        sms("SM" + UUID.randomUUID().toString().replace("-", ""), phone, text);

        // the row appears without a reload (the page's load marker is unchanged)
        WebElement row = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//tbody[@id='live']/tr[td[contains(., 'Browser test')] and td[contains(., 'sms')]]")));
        assertThat(((JavascriptExecutor) browser).executeScript("return window.omnihubLoadedAt;")).isEqualTo(loadedAt);
        assertThat(((JavascriptExecutor) browser).executeScript("return window.pwned === undefined;")).isEqualTo(true);

        // the search box finds it by a word of its text
        WebElement search = browser.findElement(By.id("q"));
        search.sendKeys(text.split(" ")[2], Keys.ENTER);
        wait.until(ExpectedConditions.urlContains("q="));
        row = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//tbody[@id='live']/tr[td[contains(., 'Browser test')]]")));
        assertThat(browser.findElements(By.xpath("//tbody[@id='live']/tr"))).hasSize(1);

        // keyboard only: focus the customer link and open it with Enter
        WebElement link = row.findElement(By.tagName("a"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].focus();", link);
        browser.switchTo().activeElement().sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("reply-text")));
        assertThat(browser.findElement(By.id("live")).getText()).contains("<script>window.pwned=1</script>");
        // the customer panel: their phone, their conversations, and what the ERP says (no ERP number yet)
        assertThat(browser.findElement(By.cssSelector("aside.customer")).getText()).contains("PHONE " + phone);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("orders"),
                "the customer has no ERP number yet"));
        assertThat(((JavascriptExecutor) browser).executeScript("return window.pwned === undefined;")).isEqualTo(true);
        wait.until(ExpectedConditions.textToBe(By.id("live-state"), "live"));

        browser.findElement(By.id("reply-text")).sendKeys("We are on it");
        browser.findElement(By.cssSelector("#reply-form button[type=submit]")).click();
        // queued, then sent through the Twilio stand-in: the status changes on the page by itself
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("live"), "SENT"));
        String messageSid = jdbc.queryForObject("select metadata ->> 'messageSid' from interaction where "
                + "metadata ->> 'to' = ? and direction = 'OUTBOUND'", String.class, phone);
        Object pageMarker = ((JavascriptExecutor) browser).executeScript("return window.omnihubLoadedAt;");
        List<String[]> status = List.of(new String[] {"MessageSid", messageSid}, new String[] {"MessageStatus",
                "delivered"}, new String[] {"To", phone}, new String[] {"From", "+15005550006"},
                new String[] {"AccountSid", "ACit000000000000000000000000000000"}, new String[] {"ApiVersion", "2010-04-01"});
        String statusUrl = "https://hub.example.com/channels/twilio/sms/status";
        assertThat(hub.send(HttpRequest.newBuilder(hub.uri("/channels/twilio/sms/status"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Twilio-Signature", twilioSignature(TOKEN, statusUrl, status))
                .POST(HttpRequest.BodyPublishers.ofString(form(status)))).statusCode()).isEqualTo(204);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("live"), "DELIVERED"));
        assertThat(((JavascriptExecutor) browser).executeScript("return window.omnihubLoadedAt;")).isEqualTo(pageMarker);

        // a canned response, filled for this customer (no name yet: the fallback), goes into the reply box
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("canned"))).selectByValue(canned);
        browser.findElement(By.id("canned-insert")).click();
        String admin = jdbc.queryForObject("select coalesce(nullif(display_name, ''), username) from app_user "
                + "where username = 'admin'", String.class);
        wait.until(ExpectedConditions.attributeToBe(By.id("reply-text"), "value", "Hello there, " + admin + " here."));
        browser.findElement(By.id("reply-text")).clear();

        // an internal note stays in the hub; claim and resolve from the page
        browser.findElement(By.id("note-text")).sendKeys("Customer is a VIP, call first next time");
        browser.findElement(By.cssSelector("form.note button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("live"), "internal note by admin"));
        browser.findElement(By.cssSelector("button[value='claim']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".actions"), "You have it"));
        browser.findElement(By.cssSelector("button[value='resolve']")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("button[value='reopen']")));
        assertThat(twilio.requestsTo(phone)).extracting(r -> r.form().get("Body")).containsExactly("We are on it");
        assertThat(jdbc.queryForMap("select c.status, u.username from conversation c join app_user u on "
                + "u.id = c.assignee_id join interaction i on i.conversation_id = c.id where i.external_id = ?",
                jdbc.queryForObject("select external_id from interaction where sender = ? limit 1", String.class, phone)))
                .containsEntry("status", "RESOLVED").containsEntry("username", "admin");
    }

    @Test
    void theConsoleRefusesAnonymousVisitorsAndPostsWithoutCsrf() throws Exception {
        browser.get(hub.uri("/console/inbox").toString());
        wait.until(ExpectedConditions.urlContains("/login"));

        // a signed-in session (form login with its CSRF token), outside the browser
        java.net.http.HttpClient session = java.net.http.HttpClient.newBuilder()
                .cookieHandler(new java.net.CookieManager()).build();
        String loginPage = session.send(HttpRequest.newBuilder(hub.uri("/login")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        String csrf = loginPage.replaceAll("(?s).*name=\"_csrf\"[^>]*value=\"([^\"]+)\".*", "$1");
        var login = session.send(HttpRequest.newBuilder(hub.uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + HubClient.ADMIN + "&password="
                        + HubClient.ADMIN_PASSWORD + "&_csrf=" + csrf)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");
        String inbox = session.send(HttpRequest.newBuilder(hub.uri("/console/inbox")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        assertThat(inbox).contains("Inbox");

        String email = "csrf-" + UUID.randomUUID().toString().substring(0, 6) + "@example.com";
        hub.postForm("contact", HubClient.fields("email", email, "message", "hello"));
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "select count(*) from contact_point where value = ?", Long.class, email) == 1);
        long conversation = jdbc.queryForObject("select c.id from conversation c join contact_point p on "
                + "p.customer_id = c.customer_id where p.value = ?", Long.class, email);
        var forged = session.send(HttpRequest.newBuilder(hub.uri("/console/conversations/" + conversation + "/reply"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("text=forged")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(jdbc.queryForObject("select count(*) from interaction where conversation_id = ? and direction = "
                + "'OUTBOUND'", Long.class, conversation)).isZero();
        // anonymous: sent to sign in, nothing done
        var anonymous = hub.send(HttpRequest.newBuilder(hub.uri("/console/conversations/" + conversation + "/reply"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("text=hi")));
        assertThat(anonymous.statusCode()).isIn(302, 401, 403);
        assertThat(jdbc.queryForObject("select count(*) from interaction where conversation_id = ? and direction = "
                + "'OUTBOUND'", Long.class, conversation)).isZero();
    }

    /**
     * An agent goes from page to page all day: every page's live stream must connect, however many
     * pages came before (a browser holds six connections to the hub; a page that kept its stream
     * after being left made the seventh page change wait about a minute), and back as well.
     */
    @Test
    void manyQuickPageChangesEachGetALiveStream() {
        ConsoleBrowser.signIn(browser, hub);
        for (int i = 0; i < 10; i++) {
            browser.get(hub.uri(i % 2 == 0 ? "/console/inbox?view=mine" : "/console/inbox?q=page-" + i).toString());
            wait.until(ExpectedConditions.textToBe(By.id("live-state"), "live"));
        }
        for (int i = 0; i < 3; i++) {
            browser.navigate().back();
            browser.navigate().back();
            wait.until(ExpectedConditions.textToBe(By.id("live-state"), "live"));
        }
    }

    private void signInWith(String user, String password) {
        wait.until(ExpectedConditions.presenceOfElementLocated(By.name("username")));
        browser.findElement(By.name("username")).clear();
        browser.findElement(By.name("username")).sendKeys(user);
        browser.findElement(By.name("password")).sendKeys(password, Keys.ENTER);
    }

    /**
     * The sign-in page says why a sign-in did not work — a wrong password, then, after a few, how long
     * to wait (even the right password is refused meanwhile) — and signing out says so too.
     */
    @Test
    void theSignInPageSaysWhyASignInDidNotWork() {
        String user = "agent-sign-in-" + UUID.randomUUID().toString().substring(0, 6);
        hub.createUser(user, "the-right-password", "AGENT");
        // this browser's own client address (as a proxy would pass it on), so no other test shares its counts
        ChromeDriver chrome = (ChromeDriver) browser;
        chrome.executeCdpCommand("Network.enable", Map.of());
        chrome.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers",
                Map.of("X-Forwarded-For", "203.0.113.91")));
        browser.get(hub.uri("/login").toString());
        signInWith(user, "wrong-password");
        wait.until(ExpectedConditions.textToBe(By.cssSelector("p.error"), "Wrong user name or password."));
        // more wrong passwords from the same address (over the API: they count alike) until the delay is 8 s
        AtomicInteger failures = new AtomicInteger(1);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    int status = hub.getFrom("203.0.113.91", "/api/v1/conversations", user, "wrong-" + failures.get())
                            .statusCode();
                    assertThat(status).as("a wrong password, or refused while a delay runs").isIn(401, 429);
                    return (status == 401 ? failures.incrementAndGet() : failures.get()) == 7;
                });
        signInWith(user, "the-right-password");
        wait.until(ExpectedConditions.textMatches(By.cssSelector("p.error"),
                Pattern.compile("Too many failed sign-ins: try again in \\d+ s\\.")));
        screenshot("sign-in-throttled");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    signInWith(user, "the-right-password");
                    return browser.getCurrentUrl().endsWith("/console/inbox");
                });
        wait.until(ExpectedConditions.textToBe(By.id("live-state"), "live"));
        browser.findElement(By.xpath("//button[text()='Sign out']")).click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("p.notice"), "You are signed out."));
        // signing in again opens the inbox, and so does the hub's bare address (it answered JSON before)
        signInWith(user, "the-right-password");
        wait.until(ExpectedConditions.urlContains("/console/inbox"));
        browser.get(hub.uri("/").toString());
        wait.until(ExpectedConditions.urlContains("/console/inbox"));
        wait.until(ExpectedConditions.textToBe(By.id("live-state"), "live"));
        assertThat(browser.getPageSource()).doesNotContain("No static resource");
    }
}
