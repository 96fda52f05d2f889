package io.tinymlaas.steps.browser;

import io.cucumber.java.After;
import io.cucumber.java.Before;
import io.cucumber.java.Scenario;
import io.tinymlaas.steps.service.Api;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A page of the service as a person in the browser uses it: forms filled field by field and sent with their button,
 * tables read as the text shown, screenshots into the Cucumber report. One per scenario (tagged @browser), on the
 * run's one browser and the run's one service.
 */
public class WebPage {

    /** Only stops a hung page from hanging the build; every wait ends as soon as the page shows what it waits for. */
    private static final Duration LIMIT = Duration.ofMinutes(3);

    private final Api api;
    private Scenario scenario;

    public WebPage(Api api) {
        this.api = api;
    }

    @Before("@browser")
    public void remember(Scenario scenario) {
        this.scenario = scenario;
    }

    @After("@browser")
    public void lastScreenshot(Scenario scenario) {
        screenshot("as the scenario ended" + (scenario.isFailed() ? " (failed)" : ""));
    }

    public ChromeDriver driver() {
        return Browser.get();
    }

    /** Opens a page of the service signed out, as a fresh visitor sees it. */
    public void openSignedOut(String path) {
        // the session cookie belongs to /api, which WebDriver's deleteAllCookies (the page's cookies) does not reach
        driver().executeCdpCommand("Network.clearBrowserCookies", Map.of());
        driver().get(api.service.baseUrl + path);
        await(d -> !d.findElements(By.id("token")).isEmpty());
    }

    public void signIn(String token) {
        WebElement field = await(d -> d.findElements(By.id("token")).stream().findFirst().orElse(null));
        field.clear();
        field.sendKeys(token);
        driver().findElement(By.cssSelector("#sign-in-form button[type=submit]")).click();
    }

    /**
     * Attaches the whole page to the report; with -Dtinyml.screenshots=folder also writes it there as a file (the
     * README's screenshots are made this way).
     */
    public void screenshot(String name) {
        byte[] png = Browser.fullPageScreenshot();
        if (scenario != null) {
            scenario.attach(png, "image/png", name);
        }
        String folder = System.getProperty("tinyml.screenshots");
        if (folder != null) {
            Path file = Path.of(folder).resolve(name.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-|-$", "") + ".png");
            try {
                Files.createDirectories(file.getParent());
                Files.write(file, png);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the screenshot " + file, e);
            }
        }
    }

    /** Waits until {@code shown} answers something other than null or false, and answers it. */
    public <T> T await(Function<WebDriver, T> shown) {
        return new WebDriverWait(driver(), LIMIT, Duration.ofMillis(100)).ignoring(StaleElementReferenceException.class)
                .until(shown::apply);
    }

    /** Types into a form's field (or picks the option with this value of a select). */
    public void fill(String form, String field, String value) {
        WebElement control = await(d -> d.findElement(By.cssSelector("#" + form + " [name=" + field + "]")));
        if (control.getTagName().equals("select")) {
            await(d -> !control.findElements(By.cssSelector("option[value='" + value.replace("'", "\\'") + "']")).isEmpty());
            new Select(control).selectByValue(value);
        } else {
            control.clear();
            control.sendKeys(value);
        }
    }

    /** Sends a form with its button and answers the line it shows once the API has answered. */
    public String submit(String form) {
        driver().findElement(By.cssSelector("#" + form + " button[type=submit]")).click();
        return formMessage(form);
    }

    /** The line a form shows after it was sent: what was done, or the API's message. */
    public String formMessage(String form) {
        return await(d -> {
            WebElement button = d.findElement(By.cssSelector("#" + form + " button[type=submit]"));
            String message = d.findElement(By.cssSelector("#" + form + " .message")).getText();
            return button.isEnabled() && !message.isEmpty() ? message : null;
        });
    }

    /** The text of each cell of the body rows of the table {@code table} (a CSS selector) selects. */
    @SuppressWarnings("unchecked")
    public List<List<String>> rows(String table) {
        // read in one script, not element by element: the panel redraws tables while a rollout runs
        return (List<List<String>>) driver().executeScript("return [...document.querySelectorAll(arguments[0])]"
                + ".map(row => [...row.cells].map(cell => cell.innerText))", table + " tbody tr");
    }

    /** The first body row of the table whose cell {@code column} reads exactly {@code text}, once the table shows it. */
    public List<String> rowWhere(String table, int column, String text) {
        return await(d -> find(table, column, text).orElse(null));
    }

    /** Clicks the button {@code button} (a CSS selector) in the first row of the table whose cell {@code column} reads {@code text}. */
    public void clickInRow(String table, int column, String text, String button) {
        rowWhere(table, column, text);
        // found and clicked in one try: a table redrawn in between leaves a stale row, and the wait tries again
        await(d -> d.findElements(By.cssSelector(table + " tbody tr")).stream()
                .filter(row -> row.findElements(By.tagName("td")).get(column).getText().equals(text)).findFirst()
                .map(row -> {
                    row.findElement(By.cssSelector(button)).click();
                    return true;
                }).orElse(null));
    }

    public Optional<List<String>> find(String table, int column, String text) {
        return rows(table).stream().filter(cells -> cells.size() > column && cells.get(column).equals(text)).findFirst();
    }
}
