package pressroom.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven by its own chromedriver; never downloads a browser. Where
 * Chromium is absent a local run skips (naming the packages); in CI (CI=true) it fails.
 */
public final class Browser {
  /**
   * A 10-second wait for pages that may be navigating while it checks. An element that goes away
   * mid-check is "not yet": Selenium calls that stale, but Chromium 156 answers it with a plain
   * WebDriverException ("Node with given id does not belong to the document"), so those are ignored
   * too; a real failure still ends the wait with its cause when time is up.
   */
  public static org.openqa.selenium.support.ui.FluentWait<org.openqa.selenium.WebDriver> waitUp(
      org.openqa.selenium.WebDriver driver) {
    return new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(10))
        .ignoring(org.openqa.selenium.WebDriverException.class);
  }

  /**
   * Clicks what leads to another page and waits for that page: the page being left still has an h1
   * for a moment, so the old document must go first.
   */
  public static void clickAndWait(
      org.openqa.selenium.WebDriver driver, org.openqa.selenium.WebElement target) {
    org.openqa.selenium.WebElement before =
        driver.findElement(org.openqa.selenium.By.tagName("html"));
    target.click();
    waitUp(driver).until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(before));
    waitUp(driver).until(d -> !d.findElements(org.openqa.selenium.By.tagName("h1")).isEmpty());
  }

  /** Signs in through the site's own sign-in page and waits until the masthead shows it. */
  public static void signIn(
      org.openqa.selenium.WebDriver driver, TestApp site, String login, String password) {
    driver.get(site.url("/signin"));
    driver.findElement(org.openqa.selenium.By.id("login")).sendKeys(login);
    driver.findElement(org.openqa.selenium.By.id("password")).sendKeys(password);
    driver.findElement(org.openqa.selenium.By.cssSelector("main form button[type=submit]")).click();
    waitUp(driver)
        .until(
            d ->
                d.findElements(
                            org.openqa.selenium.By.cssSelector(
                                ".account-nav form[action='/signout']"))
                        .size()
                    == 1);
  }

  /**
   * Signs in an account with a second factor: the password, then, on the code page, the code {@code
   * code} gives at that moment (the test computes it at the site's clock).
   */
  public static void signInWithCode(
      org.openqa.selenium.WebDriver driver,
      TestApp site,
      String login,
      String password,
      java.util.function.Supplier<String> code) {
    driver.get(site.url("/signin"));
    driver.findElement(org.openqa.selenium.By.id("login")).sendKeys(login);
    driver.findElement(org.openqa.selenium.By.id("password")).sendKeys(password);
    driver.findElement(org.openqa.selenium.By.cssSelector("main form button[type=submit]")).click();
    waitUp(driver).until(d -> d.getCurrentUrl().contains("/signin/code"));
    driver.findElement(org.openqa.selenium.By.id("code")).sendKeys(code.get());
    driver.findElement(org.openqa.selenium.By.cssSelector("main form button[type=submit]")).click();
    waitUp(driver)
        .until(
            d ->
                d.findElements(
                            org.openqa.selenium.By.cssSelector(
                                ".account-nav form[action='/signout']"))
                        .size()
                    == 1);
  }

  private static final String CHROMIUM = "/usr/bin/chromium";
  private static final String CHROMEDRIVER = "/usr/bin/chromedriver";

  private Browser() {}

  /**
   * How many pixels the page sticks out sideways beyond the window (0 when it fits): on a phone
   * that is the sideways scrolling a reader has to do.
   */
  public static long sidewaysOverflow(org.openqa.selenium.JavascriptExecutor browser) {
    return ((Number)
            browser.executeScript(
                "return Math.max(0, document.documentElement.scrollWidth"
                    + " - document.documentElement.clientWidth)"))
        .longValue();
  }

  /**
   * A picture of the page once it has loaded. Chromium under load now and then reports a screenshot
   * "aborted by navigation" just after a page load; one more try gets it.
   */
  public static byte[] screenshot(ChromeDriver browser) {
    waitUp(browser)
        .until(d -> "complete".equals(browser.executeScript("return document.readyState")));
    try {
      return browser.getScreenshotAs(org.openqa.selenium.OutputType.BYTES);
    } catch (org.openqa.selenium.TimeoutException e) {
      waitUp(browser)
          .until(d -> "complete".equals(browser.executeScript("return document.readyState")));
      return browser.getScreenshotAs(org.openqa.selenium.OutputType.BYTES);
    }
  }

  /** Pages from now on see {@code prefers-color-scheme: dark} (or light again). */
  public static void darkMode(ChromeDriver browser, boolean dark) {
    browser.executeCdpCommand(
        "Emulation.setEmulatedMedia",
        Map.of(
            "features",
            java.util.List.of(
                Map.of("name", "prefers-color-scheme", "value", dark ? "dark" : "light"))));
  }

  public static ChromeDriver start() {
    if (!new File(CHROMIUM).canExecute() || !new File(CHROMEDRIVER).canExecute()) {
      String message =
          "Chromium is not installed: apt-get install chromium chromium-driver (needs "
              + CHROMIUM
              + " and "
              + CHROMEDRIVER
              + ")";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail(message);
      }
      Assumptions.abort(message);
    }
    Path home;
    try {
      home = Files.createTempDirectory("pressroom-chromium");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(CHROMEDRIVER))
            .usingAnyFreePort()
            .withEnvironment(
                Map.of(
                    "XDG_CONFIG_HOME", home.resolve("config").toString(),
                    "XDG_CACHE_HOME", home.resolve("cache").toString()))
            .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-quic",
        "--no-first-run",
        "--window-size=1280,900",
        "--user-data-dir=" + home.resolve("profile"));
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20));
    return driver;
  }
}
