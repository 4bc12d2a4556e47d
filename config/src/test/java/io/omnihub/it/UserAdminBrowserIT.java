package io.omnihub.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An administrator manages users in the console (Chromium): creates an agent who can then sign in,
 * renames and disables them (they can no longer sign in or use the API), sets a new password, and
 * cannot lock themselves out; agents cannot open the page, nor change users through the API.
 */
@WithRunningHub
class UserAdminBrowserIT extends InBrowser {

    @Autowired
    HubClient hub;
    @Autowired
    JdbcTemplate jdbc;




    private By field(String user, String name) {
        return By.cssSelector("[form='user-" + jdbc.queryForObject("select id from app_user where username = ?",
                Long.class, user) + "'][name='" + name + "']");
    }

    /** Saves the user's row and waits for the page the save answers with (the old page's notice does not count). */
    private void save(String user) {
        WebElement before = browser.findElement(By.tagName("html"));
        browser.findElement(By.cssSelector("tr[data-user='" + user + "'] button")).click();
        wait.until(ExpectedConditions.stalenessOf(before));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".notice, .error")));
    }

    @Test
    void anAdministratorCreatesRenamesDisablesAndResetsAnAgent() {
        String run = UUID.randomUUID().toString().substring(0, 6);
        String agent = "page-agent-" + run;
        String password = "first-password-" + run;
        ConsoleBrowser.signIn(browser, hub);
        browser.findElement(By.linkText("Users")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("new-user")));

        browser.findElement(By.id("new-username")).sendKeys(agent);
        browser.findElement(By.id("new-display-name")).sendKeys("Ana Agent");
        browser.findElement(By.id("new-password")).sendKeys(password);
        browser.findElement(By.cssSelector("#new-user button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"), "created"));
        assertThat(hub.get("/api/v1/conversations?limit=1", agent, password).statusCode()).isEqualTo(200);
        // an agent may not change users
        assertThat(hub.jsonAs(agent, password, "PATCH", "/api/v1/admin/users/admin", Map.of("enabled", false))
                .statusCode()).isEqualTo(403);

        // rename and disable: no more sign-in, no more API
        browser.findElement(field(agent, "displayName")).clear();
        browser.findElement(field(agent, "displayName")).sendKeys("Ana Renamed");
        browser.findElement(field(agent, "enabled")).click();
        save(agent);
        assertThat(jdbc.queryForMap("select display_name, enabled from app_user where username = ?", agent))
                .containsEntry("display_name", "Ana Renamed").containsEntry("enabled", false);
        assertThat(hub.get("/api/v1/conversations?limit=1", agent, password).statusCode()).isEqualTo(401);

        // enable again with a new password: the old one no longer works
        String second = "second-password-" + run;
        browser.findElement(field(agent, "enabled")).click();
        browser.findElement(field(agent, "password")).sendKeys(second);
        save(agent);
        assertThat(hub.get("/api/v1/conversations?limit=1", agent, second).statusCode()).isEqualTo(200);
        assertThat(hub.get("/api/v1/conversations?limit=1", agent, password).statusCode()).isEqualTo(401);

        // the administrator cannot lock themselves out
        browser.findElement(field("admin", "enabled")).click();
        save("admin");
        assertThat(browser.findElement(By.cssSelector(".error")).getText()).contains("cannot disable your own account");
        assertThat(jdbc.queryForObject("select enabled from app_user where username = 'admin'", Boolean.class)).isTrue();
        assertThat(jdbc.queryForObject("select count(*) from audit_log where action = 'user.changed' "
                + "and details ->> 'displayName' = 'Ana Renamed'", Integer.class)).isEqualTo(1);

        // the agent, signed in, is not let onto the page
        browser.findElement(By.linkText("← Inbox")).click();
        browser.findElement(By.cssSelector("form[action$='/logout'] button")).click();
        browser.get(hub.uri("/console").toString());
        wait.until(ExpectedConditions.presenceOfElementLocated(By.name("username")));
        browser.findElement(By.name("username")).sendKeys(agent);
        browser.findElement(By.name("password")).sendKeys(second, Keys.ENTER);
        wait.until(ExpectedConditions.textToBe(By.id("live-state"), "live"));
        assertThat(browser.findElements(By.linkText("Users"))).isEmpty();
        browser.get(hub.uri("/console/admin/users").toString());
        assertThat(browser.getPageSource()).doesNotContain("new-user").containsIgnoringCase("forbidden");
    }
}
