package io.omnihub.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.sun.net.httpserver.HttpServer;

/**
 * A visitor chats through the widget embedded with one script tag in a page of another site
 * (served here on http://127.0.0.1:31180) while an agent answers in the console, both in Chromium:
 * the chat appears in the agent's inbox live, each sees the other typing, the reply reaches the
 * widget and the console shows it DELIVERED; scripts in either side's text never run.
 */
@WithRunningHub
class ChatBrowserIT extends InBrowser {

    static final String PAYLOAD = "<img src=x onerror=\"window.pwned=1\"><script>window.pwned=1</script>";

    @Autowired
    HubClient hub;
    @Autowired
    JdbcTemplate jdbc;

    HttpServer site;

    @BeforeEach
    void openTheShopAndTheBrowser() throws IOException {
        String page = """
                <!DOCTYPE html><html><head><title>Shop</title></head><body><h1>Acme shop</h1>
                <script src="%s" data-inbox="chat" async></script></body></html>"""
                .formatted(hub.uri("/channels/chat/widget.js"));
        site = HttpServer.create(new InetSocketAddress("127.0.0.1", 31180), 0);
        site.createContext("/", exchange -> {
            byte[] body = page.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        site.start();
        assertThat(hub.putJsonAsAdmin("/api/v1/me/presence", Map.of("status", "ONLINE")).statusCode()).isEqualTo(200);
    }

    @AfterEach
    void closeTheShop() {
        site.stop(0);
    }

    @Test
    void aVisitorChatsInTheWidgetWhileAnAgentAnswersInTheConsole() {
        ConsoleBrowser.signIn(browser, hub);
        String console = browser.getWindowHandle();

        // the visitor, on the shop's page in another tab
        browser.switchTo().newWindow(WindowType.TAB);
        String shop = browser.getWindowHandle();
        browser.get("http://127.0.0.1:31180/");
        SearchContext widget = wait.until(d -> d.findElement(By.id("omnihub-chat")).getShadowRoot());
        widget.findElement(By.cssSelector("#omh-launcher")).click();
        wait.until(d -> widget.findElement(By.cssSelector("#omh-prechat")).isDisplayed());
        String name = "Wanda " + UUID.randomUUID().toString().substring(0, 6);
        widget.findElement(By.cssSelector("#omh-name")).sendKeys(name);
        widget.findElement(By.cssSelector("#omh-email")).sendKeys("wanda@example.com");
        widget.findElement(By.cssSelector("#omh-start")).click();
        wait.until(d -> widget.findElement(By.cssSelector("#omh-composer")).isDisplayed());
        widget.findElement(By.cssSelector("#omh-text")).sendKeys("Is the blue kettle in stock? " + PAYLOAD, Keys.ENTER);
        wait.until(d -> widget.findElement(By.cssSelector("#omh-lines li.visitor")).getText().contains("· sent"));
        assertThat(widget.findElement(By.cssSelector("#omh-lines li.visitor .text")).getText()).contains(PAYLOAD);

        // the agent sees it appear in the inbox without reloading and opens it
        browser.switchTo().window(console);
        Object loadedAt = ((JavascriptExecutor) browser).executeScript("return window.omnihubLoadedAt;");
        wait.until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//tbody[@id='live']/tr[td[contains(., '" + name + "')] and td[contains(., 'chat')]]")));
        assertThat(((JavascriptExecutor) browser).executeScript("return window.omnihubLoadedAt;")).isEqualTo(loadedAt);
        browser.findElement(By.xpath("//tbody[@id='live']/tr[td[contains(., '" + name + "')]]//a")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("live"), "Is the blue kettle in stock?"));
        assertThat(browser.findElement(By.id("live")).getText()).contains(PAYLOAD);
        assertThat(browser.findElement(By.id("reply-channel")).getAttribute("value")).isEqualTo("chat");
        wait.until(ExpectedConditions.textToBe(By.id("live-state"), "live"));
        browser.findElement(By.id("reply-text")).sendKeys("Yes, ");

        // the visitor sees the agent typing, and the agent sees the visitor typing: the signal shows for a
        // few seconds, so the console notes every text #presence shows, to be read after switching back
        notePresenceLine();
        browser.switchTo().window(shop);
        wait.until(d -> widget.findElement(By.cssSelector("#omh-typing")).getText().contains("is typing"));
        widget.findElement(By.cssSelector("#omh-text")).sendKeys("thanks");
        browser.switchTo().window(console);
        wait.until(d -> String.valueOf(((JavascriptExecutor) d).executeScript("return window.presenceShown.join('|');"))
                .contains("The visitor is typing"));

        browser.findElement(By.id("reply-text")).sendKeys("we have 3 left. " + PAYLOAD);
        browser.findElement(By.cssSelector("#reply-form button[type=submit]")).click();

        browser.switchTo().window(shop);
        // (the first agent line is the widget's welcome)
        wait.until(d -> widget.findElements(By.cssSelector("#omh-lines li.agent")).size() == 2);
        String shown = widget.findElements(By.cssSelector("#omh-lines li.agent")).get(1).getText();
        assertThat(shown).contains("Yes, we have 3 left. " + PAYLOAD);
        assertThat(shown).contains(jdbc.queryForObject(
                "select coalesce(nullif(display_name, ''), username) from app_user where username = 'admin'",
                String.class));
        assertThat(((JavascriptExecutor) browser).executeScript("return window.pwned === undefined;")).isEqualTo(true);

        // the widget showed it: the console says DELIVERED without a reload
        browser.switchTo().window(console);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("live"), "DELIVERED"));
        assertThat(((JavascriptExecutor) browser).executeScript("return window.pwned === undefined;")).isEqualTo(true);

        // a reload of the shop's page resumes the chat with both lines
        browser.switchTo().window(shop);
        browser.navigate().refresh();
        SearchContext reloaded = wait.until(d -> d.findElement(By.id("omnihub-chat")).getShadowRoot());
        reloaded.findElement(By.cssSelector("#omh-launcher")).click();
        wait.until(d -> reloaded.findElements(By.cssSelector("#omh-lines li")).size() == 2);
        assertThat(reloaded.findElement(By.cssSelector("#omh-lines")).getText()).contains("blue kettle").contains("3 left");

        // the visitor sends a line and at once types the next: the agent sees typing, stopped, typing again
        // (the widget used to keep quiet for 2 s after a line, so a quick typist never showed as typing)
        browser.switchTo().window(console);
        notePresenceLine();
        browser.switchTo().window(shop);
        reloaded.findElement(By.cssSelector("#omh-text")).sendKeys("And the red one?", Keys.ENTER, "I mean");
        browser.switchTo().window(console);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("live"), "And the red one?"));
        Supplier<String> presenceShown = () -> String.valueOf(((JavascriptExecutor) browser)
                .executeScript("return window.presenceShown.join('|');"));
        ConsoleBrowser.waitFor(browser).withMessage(() -> "the presence line showed " + presenceShown.get())
                .until(d -> typingStoppedAndStartedAgain(presenceShown.get()));
    }

    /** Notes every text the conversation page's presence line shows (it shows a signal for a few seconds). */
    private void notePresenceLine() {
        ((JavascriptExecutor) browser).executeScript("window.presenceShown = [];"
                + "window.presenceObserver = new MutationObserver("
                + "() => window.presenceShown.push(document.getElementById('presence').textContent));"
                + "window.presenceObserver.observe(document.getElementById('presence'),"
                + " {childList: true, subtree: true, characterData: true});");
    }

    private static boolean typingStoppedAndStartedAgain(String shown) {
        int typing = shown.indexOf("The visitor is typing");
        int stopped = typing < 0 ? -1 : shown.indexOf('|', typing);
        while (stopped >= 0 && shown.startsWith("The visitor is typing", stopped + 1)) {
            stopped = shown.indexOf('|', stopped + 1);
        }
        return stopped >= 0 && shown.indexOf("The visitor is typing", stopped + 1) > 0;
    }
}
