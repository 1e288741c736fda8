package lu.ccss.guichet.systemtest.portal;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One person's headless Chromium on the portal, driven through the pages as a person uses them (links, forms,
 * buttons; the pages run no JavaScript). {@link #check} runs axe-core on the page and saves a screenshot.
 */
public final class Browser implements AutoCloseable {

    /** The WCAG 2.1 A and AA rules. */
    static final List<String> AXE_TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice");

    private final String portal;
    private final WebDriver driver;
    private final AxeReport report;
    private final Path screenshots;

    public Browser(String portal, String acceptLanguage, AxeReport report, Path screenshots) {
        this.portal = portal;
        this.report = report;
        this.screenshots = screenshots;
        ChromeOptions options = new ChromeOptions();
        Chromium.binary().ifPresent(b -> options.setBinary(b.toFile()));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,1400", "--lang=" + acceptLanguage, "--disable-extensions");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", acceptLanguage));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Chromium.driver().orElseThrow().toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    public WebDriver driver() {
        return driver;
    }

    public void open(String path) {
        driver.get(path.startsWith("http") ? path : portal + path);
    }

    public String path() {
        return URI.create(driver.getCurrentUrl()).getPath();
    }

    /** On Keycloak's sign-in page (reached by following the portal's redirect): types the account and signs in. */
    public void signIn(String username, String password) {
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        click(driver.findElement(By.id("kc-login")));
        if (!driver.getCurrentUrl().startsWith(portal)) {
            throw new AssertionError("still at " + driver.getCurrentUrl() + " after signing in as " + username
                    + ": " + text("body"));
        }
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    public List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    public boolean has(String css) {
        return !all(css).isEmpty();
    }

    public String text(String css) {
        return find(css).getText();
    }

    public void type(String id, String value) {
        WebElement input = driver.findElement(By.id(id));
        input.clear();
        input.sendKeys(value);
    }

    public void select(String id, String value) {
        new Select(driver.findElement(By.id(id))).selectByValue(value);
    }

    public void tick(String id) {
        WebElement box = driver.findElement(By.id(id));
        if (!box.isSelected()) {
            box.click();
        }
    }

    /** Submits the form whose action ends with {@code actionSuffix} with its (first) submit button. */
    public void submit(String actionSuffix) {
        follow("form[action$='" + actionSuffix + "'] button[type=submit]");
    }

    /** Clicks the link or button {@code css} and waits until the next page has replaced this one. */
    public void follow(String css) {
        click(find(css));
    }

    /** Clicks {@code element} (a link or a submit button) and waits until the next page has replaced this one. */
    public void click(WebElement element) {
        WebElement page = driver.findElement(By.tagName("html"));
        element.click();
        // the old page is gone once its root element is: Chrome says so as "stale element" or as "node does not
        // belong to the document", depending on how far the navigation is
        new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> {
            try {
                page.isEnabled();
                return false;
            } catch (org.openqa.selenium.WebDriverException gone) {
                return true;
            }
        });
        new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(60)).until(d ->
                "complete".equals(((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                        "return document.readyState")));
    }

    /** Presses Tab (the keyboard only) and answers the element that has the focus now. */
    public WebElement tab() {
        new org.openqa.selenium.interactions.Actions(driver).sendKeys(org.openqa.selenium.Keys.TAB).perform();
        return driver.switchTo().activeElement();
    }

    public String lang() {
        return find("html").getAttribute("lang");
    }

    /** The error summary's links: the ids of the fields it names. */
    public List<String> errorLinks() {
        return all(".error-summary a").stream().map(a -> a.getAttribute("href"))
                .map(h -> h.substring(h.indexOf('#') + 1)).toList();
    }

    public String errorSummary() {
        return has(".error-summary") ? find(".error-summary").getAttribute("outerHTML") : "";
    }

    /** axe-core on the page as it is now, and a screenshot {@code name}.png. */
    public void check(String name) {
        long began = System.nanoTime();
        // Legacy mode runs axe.run in the page itself; the default opens a new tab for every check to merge the
        // frames' partial results (a second of the check), and the portal's pages have no frames to merge.
        Results results = new AxeBuilder().withTags(AXE_TAGS).setLegacyMode(true).analyze(driver);
        long analysed = System.nanoTime();
        report.add(name, driver.getCurrentUrl(), results);
        try {
            Files.createDirectories(screenshots);
            byte[] png = ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
            Files.write(screenshots.resolve(name + ".png"), png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        report.time(analysed - began, System.nanoTime() - analysed);
    }

    /** GET {@code href} with this browser's portal cookies (the session): what a download link gives. */
    public HttpResponse<byte[]> download(String href) {
        String cookies = driver.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
        try {
            return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build().send(
                    HttpRequest.newBuilder(URI.create(href.startsWith("http") ? href : portal + href))
                            .header("Cookie", cookies).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Optional<Cookie> cookie(String name) {
        return Optional.ofNullable(driver.manage().getCookieNamed(name));
    }

    @Override
    public void close() {
        driver.quit();
    }

    /** Where Debian's chromium and chromium-driver put the browser and its driver (or the PATH). */
    static final class Chromium {
        private Chromium() {
        }

        static Optional<Path> binary() {
            return first(System.getenv("CHROME_BIN"), "/usr/bin/chromium", "/usr/bin/chromium-browser",
                    "/usr/bin/google-chrome").or(() -> onPath("chromium", "chromium-browser", "google-chrome"));
        }

        static Optional<Path> driver() {
            return first(System.getenv("CHROMEDRIVER"), "/usr/bin/chromedriver",
                    "/usr/lib/chromium/chromedriver").or(() -> onPath("chromedriver"));
        }

        private static Optional<Path> first(String... candidates) {
            return Stream.of(candidates).filter(c -> c != null && !c.isBlank()).map(Path::of)
                    .filter(Files::isExecutable).findFirst();
        }

        private static Optional<Path> onPath(String... names) {
            String path = System.getenv("PATH");
            if (path == null) {
                return Optional.empty();
            }
            for (String dir : path.split(File.pathSeparator)) {
                for (String name : names) {
                    Path p = Path.of(dir, name);
                    if (Files.isExecutable(p)) {
                        return Optional.of(p);
                    }
                }
            }
            return Optional.empty();
        }
    }

    /** Violations of every page checked. */
    public static final class AxeReport {
        private final List<String> pages = new java.util.ArrayList<>();
        private final List<String> blocking = new java.util.ArrayList<>();
        private final Map<String, Integer> byImpact = new java.util.TreeMap<>();
        private final List<String> lines = new java.util.ArrayList<>();
        private long axeNanos;
        private long screenshotNanos;

        synchronized void time(long axe, long screenshot) {
            axeNanos += axe;
            screenshotNanos += screenshot;
        }

        synchronized void add(String name, String url, Results results) {
            pages.add(name);
            if (results.isErrored()) {
                blocking.add(name + ": axe-core failed: " + results.getErrorMessage());
                return;
            }
            for (Rule rule : results.getViolations()) {
                String impact = rule.getImpact() == null ? "unknown" : rule.getImpact();
                byImpact.merge(impact, rule.getNodes().size(), Integer::sum);
                String line = name + " (" + url + "): " + impact + " " + rule.getId() + " – " + rule.getHelp()
                        + " – " + rule.getNodes().stream().map(n -> String.valueOf(n.getTarget()))
                        .collect(Collectors.joining(", "));
                lines.add(line);
                if ("serious".equals(impact) || "critical".equals(impact)) {
                    blocking.add(line);
                }
            }
        }

        public synchronized List<String> pages() {
            return List.copyOf(pages);
        }

        public synchronized List<String> blocking() {
            return List.copyOf(blocking);
        }

        public synchronized String summary() {
            return pages.size() + " page states checked by axe-core (" + String.join(", ", AXE_TAGS) + ") in "
                    + Duration.ofNanos(axeNanos).toMillis() + " ms, screenshots " + Duration.ofNanos(screenshotNanos)
                    .toMillis() + " ms; "
                    + "violations by impact (nodes): " + byImpact + (lines.isEmpty() ? "" : "\n  "
                    + String.join("\n  ", lines));
        }
    }
}
