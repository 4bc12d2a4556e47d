package io.omnihub.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A supervisor's day in the console, in Chromium: pages through more than one page of the inbox,
 * narrows it to a team and a priority, moves through it with the keyboard only, gives a
 * conversation to a colleague and transfers it to a team, and merges two customers from the
 * customer panel, then undoes the merge.
 */
@WithRunningHub
class ConsoleWorkflowBrowserIT extends InBrowser {

    @Autowired
    HubClient hub;
    @Autowired
    JdbcTemplate jdbc;




    /** The inbox's rows, read in one go: a live refresh may replace them between two reads of the DOM. */
    @SuppressWarnings("unchecked")
    private static List<String> rowIds(org.openqa.selenium.WebDriver browser) {
        return (List<String>) ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "return [...document.querySelectorAll('#live tr[data-conversation]')].map(r => r.dataset.conversation)");
    }

    private long formConversation(String email, String message) {
        assertThat(hub.postForm("contact", HubClient.fields("name", "Customer " + email, "email", email,
                "message", message)).statusCode()).isEqualTo(202);
        // the conversation of this message: a customer who wrote before has others already
        return await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForList("""
                select c.id from conversation c join interaction i on i.conversation_id = c.id
                  join contact_point p on p.customer_id = c.customer_id
                 where p.value = ? and position(? in i.body_text) > 0 order by c.id desc""", Long.class, email,
                message), l -> !l.isEmpty()).get(0);
    }

    @Test
    void pagesFiltersKeyboardGiveTransferAndMergeFromThePages() {
        String run = UUID.randomUUID().toString().substring(0, 6);
        for (int i = 0; i < 103; i++) {
            assertThat(hub.postForm("contact", HubClient.fields("email", "page-" + run + "-" + i + "@example.com",
                    "message", "paging" + run + " number " + i)).statusCode()).isEqualTo(202);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                "select count(*) from interaction where body_text like ?", Integer.class, "paging" + run + "%") == 103);
        ConsoleBrowser.signIn(browser, hub);

        // presence from the header: away, then online again (routing and the chat widget go by it)
        new Select(browser.findElement(By.id("presence-status"))).selectByValue("AWAY");
        browser.findElement(By.cssSelector("form.presence-form button")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("presence-status")));
        assertThat(new Select(browser.findElement(By.id("presence-status"))).getFirstSelectedOption().getText())
                .isEqualTo("away");
        assertThat(hub.getJson("/api/v1/agents/admin").path("presence").asText()).isEqualTo("AWAY");
        new Select(browser.findElement(By.id("presence-status"))).selectByValue("ONLINE");
        browser.findElement(By.cssSelector("form.presence-form button")).click();
        wait.until(d -> "ONLINE".equals(hub.getJson("/api/v1/agents/admin").path("presence").asText()));

        // more than a page: 100 rows, then the rest behind "Older"
        browser.get(hub.uri("/console/inbox?q=paging" + run).toString());
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#live tr[data-conversation]"), 100));
        browser.findElement(By.id("older")).click();
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#live tr[data-conversation]"), 3));
        assertThat(browser.findElements(By.id("older"))).isEmpty();
        assertThat(browser.findElement(By.id("live")).getText()).contains("number 0").doesNotContain("number 102");

        // keyboard only: j, j, k, Enter opens the second newest
        browser.get(hub.uri("/console/inbox?q=paging" + run).toString());
        wait.until(ExpectedConditions.textToBe(By.id("live-state"), "live"));
        browser.findElement(By.tagName("body")).sendKeys("j");
        browser.switchTo().activeElement().sendKeys("j");
        browser.switchTo().activeElement().sendKeys("k");
        browser.switchTo().activeElement().sendKeys("j");
        String second = rowIds(browser).get(1);
        assertThat(browser.switchTo().activeElement().findElement(By.xpath("ancestor::tr"))
                .getAttribute("data-conversation")).isEqualTo(second);
        browser.switchTo().activeElement().sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.urlContains("/console/conversations/" + second));

        // give it to a colleague, then transfer it to another team
        String colleague = "colleague-" + run;
        assertThat(hub.postJsonAsAdmin("/api/v1/admin/users", Map.of("username", colleague, "displayName",
                "Colleague " + run, "password", "colleague-password", "roles", List.of("AGENT"))).statusCode())
                .isEqualTo(201);
        String team = "second-line-" + run;
        assertThat(hub.postJsonAsAdmin("/api/v1/admin/teams", Map.of("key", team, "name", "Second line " + run))
                .statusCode()).isIn(200, 201);
        browser.navigate().refresh();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("give-to")));
        new Select(browser.findElement(By.id("give-to"))).selectByValue(colleague);
        browser.findElement(By.cssSelector("form:has(#give-to) button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".actions"), "With " + colleague));
        new Select(browser.findElement(By.id("transfer-to"))).selectByValue(team);
        browser.findElement(By.cssSelector("form:has(#transfer-to) button")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("transfer-to")));
        assertThat(jdbc.queryForObject("select t.key from conversation c join team t on t.id = c.team_id "
                + "where c.id = ?", String.class, Long.valueOf(second))).isEqualTo(team);

        // the team and priority filters narrow the inbox to it
        jdbc.update("update conversation set priority = 'URGENT' where id = ?", Long.valueOf(second));
        browser.get(hub.uri("/console/inbox").toString());
        new Select(browser.findElement(By.id("team"))).selectByValue(team);
        new Select(browser.findElement(By.id("priority"))).selectByValue("URGENT");
        browser.findElement(By.cssSelector("form.filters button")).click();
        wait.until(ExpectedConditions.urlContains("team=" + team));
        wait.until(d -> rowIds(browser).equals(List.of(second)));
        assertThat(rowIds(browser)).containsExactly(second);

        // tags from the page, and the inbox narrowed to one of them
        browser.get(hub.uri("/console/conversations/" + second).toString());
        browser.findElement(By.id("tags")).sendKeys("Escalated, VIP " + run);
        browser.findElement(By.cssSelector("form.tags button")).click();
        wait.until(ExpectedConditions.attributeToBe(By.id("tags"), "value", "escalated, vip-" + run));
        browser.get(hub.uri("/console/inbox?tag=vip-" + run).toString());
        wait.until(ExpectedConditions.textToBe(By.id("live-state"), "live"));
        wait.until(d -> rowIds(browser).equals(List.of(second)));
        assertThat(rowIds(browser)).containsExactly(second);
        assertThat(browser.findElement(By.id("live")).getText()).contains("vip-" + run);

        // merge two customers from the panel, by the other's email, and undo it
        String ada = "ada-" + run + "@example.com";
        String adaOld = "ada-old-" + run + "@example.com";
        long adaConversation = formConversation(ada, "new address");
        long oldConversation = formConversation(adaOld, "old address");
        long adaCustomer = jdbc.queryForObject("select customer_id from conversation where id = ?", Long.class,
                adaConversation);
        long oldCustomer = jdbc.queryForObject("select customer_id from conversation where id = ?", Long.class,
                oldConversation);
        browser.get(hub.uri("/console/conversations/" + adaConversation).toString());
        browser.findElement(By.id("merge-other")).sendKeys(adaOld.toUpperCase());
        browser.findElement(By.cssSelector("#merge-form button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("aside.customer"), adaOld));
        assertThat(jdbc.queryForObject("select customer_id from conversation where id = ?", Long.class,
                oldConversation)).isEqualTo(adaCustomer);
        assertThat(browser.findElement(By.cssSelector(".merges")).getText()).contains("Customer " + oldCustomer);
        browser.findElement(By.cssSelector(".merges button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"), "Merge undone"));
        assertThat(jdbc.queryForObject("select customer_id from conversation where id = ?", Long.class,
                oldConversation)).isEqualTo(oldCustomer);
        assertThat(browser.findElement(By.cssSelector("aside.customer")).getText()).doesNotContain(adaOld);

        // Ada writes again: the agent merges that conversation into the first one from the page
        long adaAgain = formConversation(ada, "one more thing " + run);
        browser.get(hub.uri("/console/conversations/" + adaConversation).toString());
        new Select(browser.findElement(By.id("merge-conversation"))).selectByValue(String.valueOf(adaAgain));
        browser.findElement(By.cssSelector("form.merge-conversation button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"),
                "Conversation " + adaAgain + " merged into this one (1 interaction moved)"));
        assertThat(browser.findElement(By.id("live")).getText()).contains("one more thing " + run);
        assertThat(jdbc.queryForObject("select merged_into_id from conversation where id = ?", Long.class, adaAgain))
                .isEqualTo(adaConversation);
    }
}
