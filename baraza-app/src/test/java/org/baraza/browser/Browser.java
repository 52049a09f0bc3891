package org.baraza.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.json.Json;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's chromium + chromium-driver) pointed at the application under
 * test. Nothing is downloaded: the driver and the browser are the system's, so a machine without
 * them fails here with a message that says what to install, rather than skipping the tests.
 * <p>
 * Every request the page makes is recorded through Chromium's performance log, so a test can ask
 * what a page loaded and how many bytes crossed the wire.
 */
public final class Browser implements AutoCloseable {

    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static final AtomicInteger BROWSERS = new AtomicInteger();

    private final ChromeDriver driver;
    private final Path profile;
    private final int port;
    private final String clientAddress = "192.0.2." + (1 + BROWSERS.getAndIncrement() % 254);
    private final List<Request> requests = new ArrayList<>();
    private final Map<String, Integer> latestById = new HashMap<>();

    private Browser(ChromeDriver driver, Path profile, int port) {
        this.driver = driver;
        this.profile = profile;
        this.port = port;
    }

    /** A browser with JavaScript on, as most residents have it. */
    public static Browser start(int port) {
        return start(port, true);
    }

    /** A browser with JavaScript off: every page must still work (issue 2, capability 7). */
    public static Browser withoutJavaScript(int port) {
        return start(port, false);
    }

    private static Browser start(int port, boolean javaScript) {
        requireExecutable(CHROMIUM);
        requireExecutable(CHROMEDRIVER);
        // Selenium Manager would otherwise try to download a driver and a browser.
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER);
        System.setProperty("SE_OFFLINE", "true");
        Path profile;
        try {
            profile = Files.createTempDirectory("baraza-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--disable-extensions", "--window-size=1280,1024", "--lang=en-GB",
            "--user-data-dir=" + profile);
        LoggingPreferences logging = new LoggingPreferences();
        logging.enable(LogType.PERFORMANCE, Level.ALL);
        options.setCapability("goog:loggingPrefs", logging);
        if (!javaScript) {
            options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(CHROMEDRIVER))
            .usingAnyFreePort()
            .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        // Every page is measured as a first visit: nothing comes from the cache.
        driver.executeCdpCommand("Network.setCacheDisabled", Map.of("cacheDisabled", true));
        Browser browser = new Browser(driver, profile, port);
        browser.sendHeaders(Map.of());
        return browser;
    }

    /**
     * Sends these headers with every request from now on, besides the browser's client address.
     * Each browser comes from an address of its own (RFC 5737 TEST-NET-1, through X-Forwarded-For,
     * which the server trusts from loopback), so failed sign-ins by other tests on 127.0.0.1 never
     * put the per-client brake on this one.
     */
    public Browser sendHeaders(Map<String, String> headers) {
        Map<String, String> all = new HashMap<>(headers);
        all.put("X-Forwarded-For", clientAddress);
        driver.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", all));
        return this;
    }

    private static void requireExecutable(String path) {
        if (!new File(path).canExecute()) {
            throw new IllegalStateException(path + " is missing: browser tests need Debian's chromium and chromium-driver"
                + " (apt-get install chromium chromium-driver)");
        }
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** The application's address for Demo City, which answers on localhost. */
    public String url(String path) {
        return url("localhost", path);
    }

    /** The application's address on another host name; every *.localhost name reaches 127.0.0.1 in Chromium. */
    public String url(String host, String path) {
        return "http://" + host + ":" + port + path;
    }

    /** Opens a page of Demo City, forgetting what earlier pages requested. */
    public Browser open(String path) {
        return openAt("localhost", path);
    }

    public Browser openAt(String host, String path) {
        forgetRequests();
        driver.get(url(host, path));
        return this;
    }

    public String currentPath() {
        URI uri = URI.create(driver.getCurrentUrl());
        return uri.getRawQuery() == null ? uri.getRawPath() : uri.getRawPath() + "?" + uri.getRawQuery();
    }

    public WebElement find(By by) {
        return driver.findElement(by);
    }

    public List<WebElement> findAll(By by) {
        return driver.findElements(by);
    }

    /** Types into the form field with this name, replacing what it held. */
    public Browser fill(String name, String value) {
        WebElement field = driver.findElement(By.name(name));
        field.clear();
        field.sendKeys(value);
        return this;
    }

    /**
     * Sets a date field. Typing into a date input depends on the browser's locale, so the value is
     * set as the form would submit it (yyyy-mm-dd), through the element itself.
     */
    public Browser fillDate(String name, String isoDate) {
        WebElement field = driver.findElement(By.name(name));
        driver.executeScript("arguments[0].value = arguments[1]", field, isoDate);
        return this;
    }

    /** Chooses the option with this value in the select with this name. */
    public Browser choose(String name, String value) {
        new Select(driver.findElement(By.name(name))).selectByValue(value);
        return this;
    }

    /** Presses the submit button of the form in the page's main content (the one that is not the header's sign-out). */
    public Browser submit() {
        return click(driver.findElement(By.cssSelector("main form button[type=submit], main form input[type=submit]")));
    }

    /** Follows a link, or presses a button, that leads to another page, and waits for that page. */
    public Browser click(By by) {
        return click(driver.findElement(by));
    }

    private Browser click(WebElement element) {
        forgetRequests();
        WebElement leaving = driver.findElement(By.tagName("html"));
        element.click();
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(browser -> gone(leaving));
        return this;
    }

    /** Whether the element's page has been replaced; Chromium says so in two ways. */
    private static boolean gone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException e) {
            return true;
        } catch (WebDriverException e) {
            if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    /** Signs in through the login page, as a resident would; fails if the login page is shown again. */
    public Browser signIn(DemoAccount account) {
        return signIn(account.email(), DemoAccount.PASSWORD);
    }

    public Browser signIn(String login, String password) {
        open("/login");
        WebElement form = driver.findElement(By.cssSelector("main form"));
        WebElement loginField = form.findElement(By.cssSelector(
            "input:not([type=hidden]):not([type=password]):not([type=checkbox]):not([type=submit])"));
        loginField.clear();
        loginField.sendKeys(login);
        WebElement passwordField = form.findElement(By.cssSelector("input[type=password]"));
        passwordField.clear();
        passwordField.sendKeys(password);
        click(form.findElement(By.cssSelector("button[type=submit], input[type=submit]")));
        if (URI.create(driver.getCurrentUrl()).getPath().equals("/login")) {
            throw new IllegalStateException("could not sign in as " + login + ": the login page says "
                + driver.findElement(By.tagName("main")).getText());
        }
        return this;
    }

    /** Forgets every cookie of every host (session and language), as a new visitor. */
    public Browser signOut() {
        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        return this;
    }

    /** Signs out with the header's button, as a resident would. */
    public Browser signOutWithButton() {
        return click(By.cssSelector("header form[action$='/logout'] button"));
    }

    public String heading() {
        return driver.findElement(By.tagName("h1")).getText();
    }

    public String htmlAttribute(String attribute) {
        return driver.findElement(By.tagName("html")).getAttribute(attribute);
    }

    public String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /**
     * The requests made since the last {@link #open} (or {@link #forgetRequests}), from Chromium's own
     * log: the URL, the kind of resource, the HTTP status and the bytes transferred (compressed body
     * plus headers).
     */
    public List<Request> requests() {
        Json json = new Json();
        for (LogEntry entry : driver.manage().logs().get(LogType.PERFORMANCE)) {
            Map<String, Object> message = map(map(json.toType(entry.getMessage(), Map.class)).get("message"));
            Map<String, Object> params = map(message.get("params"));
            if (params != null) {
                record((String) message.get("method"), params);
            }
        }
        return List.copyOf(requests);
    }

    private void record(String method, Map<String, Object> params) {
        String id = (String) params.get("requestId");
        Integer index = latestById.get(id);
        switch (method) {
            case "Network.requestWillBeSent" -> {
                // a redirect reuses the request id: each hop is a request of its own
                Map<String, Object> redirect = map(params.get("redirectResponse"));
                if (redirect != null && index != null) {
                    Request hop = requests.get(index);
                    requests.set(index, new Request(hop.url(), hop.type(), number(redirect.get("status")).intValue(),
                        number(redirect.getOrDefault("encodedDataLength", 0)).longValue()));
                }
                String type = params.get("type") == null ? "Other" : (String) params.get("type");
                latestById.put(id, requests.size());
                requests.add(new Request((String) map(params.get("request")).get("url"), type, 0, 0));
            }
            case "Network.responseReceived" -> {
                if (index != null) {
                    Request request = requests.get(index);
                    int status = number(map(params.get("response")).get("status")).intValue();
                    requests.set(index, new Request(request.url(), request.type(), status, request.transferredBytes()));
                }
            }
            case "Network.loadingFinished" -> {
                if (index != null) {
                    Request request = requests.get(index);
                    long bytes = number(params.get("encodedDataLength")).longValue();
                    requests.set(index, new Request(request.url(), request.type(), request.status(), bytes));
                }
            }
            default -> { }
        }
    }

    /** Starts a fresh record of requests, e.g. before submitting a form. */
    public Browser forgetRequests() {
        requests();
        requests.clear();
        latestById.clear();
        return this;
    }

    /** The HTTP status of the page now shown (the last document loaded, after any redirect). */
    public int status() {
        return requests().stream().filter(r -> r.type().equals("Document")).reduce((a, b) -> b)
            .map(Request::status).orElseThrow(() -> new IllegalStateException("no page was loaded"));
    }

    private static Number number(Object value) {
        return (Number) value;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    /** One request of a page, as Chromium's network log saw it. */
    public record Request(String url, String type, int status, long transferredBytes) {
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            } catch (IOException ignored) {
                // a temporary profile left behind is harmless
            }
        }
    }
}
