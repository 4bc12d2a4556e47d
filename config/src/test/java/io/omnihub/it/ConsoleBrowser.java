package io.omnihub.it;

import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Debian's Chromium, headless, driven through its chromedriver; and signing in to the console with it. */
final class ConsoleBrowser {

    private ConsoleBrowser() {
    }

    static WebDriver chromium() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900");
        // the page's console messages (CSP violations among them) are readable through browser.manage().logs()
        org.openqa.selenium.logging.LoggingPreferences logs = new org.openqa.selenium.logging.LoggingPreferences();
        logs.enable(org.openqa.selenium.logging.LogType.BROWSER, java.util.logging.Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        return new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(new java.io.File("/usr/bin/chromedriver")).build(), options);
    }

    /**
     * Waits up to 30 s, polling a condition that locates its elements afresh each time: a form post or a live patch
     * may replace an element between finding it and reading it, and the next poll reads the new one.
     */
    static WebDriverWait waitFor(WebDriver browser) {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    /** Signs in as the administrator and waits for the inbox's live stream. */
    static void signIn(WebDriver browser, HubClient hub) {
        WebDriverWait wait = waitFor(browser);
        browser.get(hub.uri("/console").toString());
        wait.until(ExpectedConditions.presenceOfElementLocated(By.name("username")));
        browser.findElement(By.name("username")).sendKeys(HubClient.ADMIN);
        browser.findElement(By.name("password")).sendKeys(HubClient.ADMIN_PASSWORD, Keys.ENTER);
        wait.until(ExpectedConditions.textToBe(By.id("live-state"), "live"));
    }
}
