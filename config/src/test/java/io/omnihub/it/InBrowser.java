package io.omnihub.it;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A browser test: a fresh headless Chromium for each test, closed after it. */
abstract class InBrowser {

    protected WebDriver browser;
    protected WebDriverWait wait;

    @BeforeEach
    void openBrowser() {
        browser = ConsoleBrowser.chromium();
        wait = ConsoleBrowser.waitFor(browser);
    }

    @AfterEach
    void closeBrowser() {
        browser.quit();
    }

    /**
     * Saves what the browser shows as {@code target/screenshots/<name>.png}, to look at (and for
     * docs/console.md): a screen is judged by looking at it.
     */
    protected void screenshot(String name) {
        try {
            java.nio.file.Path dir = java.nio.file.Path.of("target", "screenshots");
            java.nio.file.Files.createDirectories(dir);
            byte[] png = ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(org.openqa.selenium.OutputType.BYTES);
            java.nio.file.Files.write(dir.resolve(name + ".png"), png);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
