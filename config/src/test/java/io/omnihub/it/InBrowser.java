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
}
