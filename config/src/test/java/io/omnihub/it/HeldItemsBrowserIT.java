package io.omnihub.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An agent works held items in the console: the inbox header counts them, the list says why each
 * is held, and from an item's page a mail without a From is attached to the customer it belongs to
 * (it lands on their timeline) and another is discarded with a note. Screenshots are saved.
 */
@WithRunningHub
class HeldItemsBrowserIT extends InBrowser {

    @Autowired
    HubClient hub;
    @Autowired
    MailServer mail;
    @Autowired
    JdbcTemplate jdbc;

    private long heldMail(String marker) {
        mail.deliver("support", "To: support@hub.test\r\nSubject: Scan " + marker + "\r\nMessage-ID: <" + marker
                + "@scanner.example>\r\nContent-Type: text/plain\r\n\r\nThe scanned contract " + marker + "\r\n");
        return await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.query(
                "select id from held_item where external_id = ?", (rs, n) -> rs.getLong(1), marker + "@scanner.example")
                .stream().findFirst(), Optional::isPresent).orElseThrow();
    }

    @Test
    void anAgentAttachesAHeldMailToItsCustomerAndDiscardsAnother() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        long attach = heldMail("attach-" + run);
        long discard = heldMail("discard-" + run);
        String email = "owner-" + run + "@example.com";
        hub.postForm("contact", HubClient.fields("name", "Olivia Owner", "email", email, "message", "I sent a scan"));
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "select count(*) from contact_point where value = ?", Integer.class, email) == 1);

        ConsoleBrowser.signIn(browser, hub);
        browser.findElement(By.cssSelector("a.held-link")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-held-item='" + attach + "']")));
        assertThat(browser.findElement(By.cssSelector("tr[data-held-item='" + attach + "'] .reason")).getText())
                .contains("names no sender address");
        screenshot("held-items");

        browser.findElement(By.cssSelector("tr[data-held-item='" + attach + "'] a")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("attach-customer")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("Scan attach-" + run);
        assertThat(browser.findElement(By.cssSelector("pre.text")).getText()).contains("The scanned contract");
        screenshot("held-item");
        browser.findElement(By.id("attach-customer")).sendKeys(email.toUpperCase());
        browser.findElement(By.cssSelector("form[action$='/attach'] button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"), "Sent to be recorded"));

        long customer = jdbc.queryForObject("select customer_id from contact_point where value = ?", Long.class, email);
        await().atMost(Duration.ofSeconds(15)).until(() -> "RECORDED".equals(jdbc.queryForObject(
                "select status from held_item where id = ?", String.class, attach)));
        assertThat(jdbc.queryForObject("select customer_id from interaction where external_id = ?", Long.class,
                "attach-" + run + "@scanner.example")).isEqualTo(customer);

        browser.get(hub.uri("/console/held/" + discard).toString());
        browser.findElement(By.id("discard-note")).sendKeys("a test page of the scanner");
        browser.findElement(By.cssSelector("form[action$='/discard'] button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"), "Discarded"));
        assertThat(jdbc.queryForMap("select status, resolved_by, note from held_item where id = ?", discard))
                .containsEntry("status", "DISCARDED").containsEntry("resolved_by", HubClient.ADMIN)
                .containsEntry("note", "a test page of the scanner");
        assertThat(browser.findElements(By.cssSelector("form[action$='/discard']"))).isEmpty();
    }
}
