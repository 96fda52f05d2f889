package io.tinymlaas.steps.ceo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cucumber.java.Before;
import io.cucumber.java.Scenario;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.tinymlaas.steps.browser.WebPage;
import io.tinymlaas.steps.service.Api;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.openqa.selenium.By;

/**
 * The CEO's dashboard in the browser, while the fleet steps change the fleet through the API and its bridges: what the
 * page shows as text (figures, tables) and what its charts were given to draw, each awaited without reloading the page.
 */
public class DashboardSteps {

    private static final String DASHBOARD = "/dashboard/";
    /** Columns of the dashboard's devices table, as the page lays them out. */
    private static final int NAME = 1;
    private static final int BOARD = 2;
    private static final int STATUS = 3;
    private static final int MODEL = 4;
    /** Columns of its alerts table. */
    private static final int ALERT_DEVICE = 1;
    private static final int ALERT_KIND = 2;
    private static final int ALERT_CLEARED = 4;

    private final WebPage page;
    private final Api api;
    /** Set in the page as it opened: still there only if the page was never reloaded. */
    private final String opened = UUID.randomUUID().toString();
    private Scenario scenario;

    public DashboardSteps(WebPage page, Api api) {
        this.page = page;
        this.api = api;
    }

    @Before("@browser")
    public void remember(Scenario scenario) {
        this.scenario = scenario;
    }

    @Given("the dashboard is open in the browser, signed in with a viewer's token")
    public void openAsViewer() {
        Api.Answer made = api.post("/api/tokens", Map.of("name", "Cleo", "role", "viewer"));
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        page.openSignedOut(DASHBOARD);
        page.signIn(made.json().path("token").asText());
        assertThat(page.await(d -> d.findElements(By.id("who")).stream().findFirst().orElse(null)).getText()).isEqualTo("Cleo (viewer)");
        page.await(d -> d.findElements(By.cssSelector("#tile-devices")).isEmpty() ? null : true);
        page.driver().executeScript("window.tinymlOpened = arguments[0]", opened);
    }

    @Then("the dashboard shows {int} devices ONLINE on {string}, all running the model of seed {long}")
    public void onlineOnBoard(int count, String board, long seed) {
        String model = model(seed);
        page.await(d -> tile("online") == count && page.rows("#fleet-devices").stream().filter(row -> row.get(STATUS).equals("ONLINE")
                && row.get(BOARD).equals(board) && row.get(MODEL).equals(model)).count() == count ? true : null);
        page.await(d -> chartValue("chart-boards", board, "online") == count ? true : null);
        page.await(d -> chartValue("chart-models", model, "online") == count ? true : null);
        page.screenshot("the dashboard: the fleet online");
    }

    @Then("the dashboard shows inferences per minute above 0 and a latency for {string}")
    public void inferencesAndLatency(String board) {
        page.await(d -> tile("inferences") > 0 ? true : null);
        page.await(d -> chartValue("chart-latency", board, "mean µs") > 0 ? true : null);
    }

    @Then("the dashboard shows, without a reload, {int} device running the model of seed {long} and {int} the model of seed {long}")
    public void modelsInField(int newCount, long newSeed, int oldCount, long oldSeed) {
        String newModel = model(newSeed);
        String oldModel = model(oldSeed);
        page.await(d -> running(newModel) == newCount && running(oldModel) == oldCount ? true : null);
        page.await(d -> chartValue("chart-models", newModel, "online") == newCount
                && chartValue("chart-models", oldModel, "online") == oldCount ? true : null);
        notReloaded();
        page.screenshot("the dashboard: a new model version in the field");
    }

    @Then("the dashboard shows, without a reload, {int} device OFFLINE with an open offline alert naming it")
    public void offlineWithAlert(int count) {
        List<String> offline = page.await(d -> {
            List<String> names = page.rows("#fleet-devices").stream().filter(row -> row.get(STATUS).equals("OFFLINE"))
                    .map(row -> row.get(NAME)).toList();
            return names.size() == count && tile("offline") == count ? names : null;
        });
        page.await(d -> page.rows("#alerts").stream().anyMatch(row -> row.get(ALERT_DEVICE).equals(offline.get(0))
                && row.get(ALERT_KIND).equals("OFFLINE") && row.get(ALERT_CLEARED).equals("open")) ? true : null);
        Instant shown = Instant.now();
        // a figure for the README, not a limit: the service's clock and this one are the same machine's
        for (JsonNode alert : api.get("/api/fleet/summary").json().path("alerts")) {
            if (alert.path("deviceName").asText().equals(offline.get(0)) && alert.path("kind").asText().equals("offline")
                    && alert.path("clearedAt").isNull()) {
                scenario.log("the dashboard showed the offline alert at most " + Duration.between(Instant.parse(alert.path("raisedAt")
                        .asText()), shown).toMillis() + " ms after the service raised it");
            }
        }
        assertThat(tile("alerts")).isGreaterThanOrEqualTo(count);
        page.screenshot("the dashboard: a device offline, with its alert");
    }

    @Then("the page has not been reloaded since it opened")
    public void notReloaded() {
        assertThat(page.driver().executeScript("return window.tinymlOpened")).isEqualTo(opened);
    }

    private String model(long seed) {
        return api.service.models.get("seed " + seed);
    }

    private long running(String model) {
        return page.rows("#fleet-devices").stream().filter(row -> row.get(MODEL).equals(model) && row.get(STATUS).equals("ONLINE")).count();
    }

    /** The big number of a tile, as shown. */
    private long tile(String name) {
        String shown = page.driver().findElement(By.cssSelector("#tile-" + name + " .value")).getText().replaceAll("\\D", "");
        return shown.isEmpty() ? -1 : Long.parseLong(shown);
    }

    /** What the chart was given to draw for this category in this series; -1 when it has neither. */
    private double chartValue(String chart, String category, String series) {
        Object value = page.driver().executeScript("const option = echarts.getInstanceByDom(document.getElementById(arguments[0]))"
                + ".getOption(); const axis = option.yAxis[0].type === 'category' ? option.yAxis[0] : option.xAxis[0];"
                + " const at = axis.data.indexOf(arguments[1]); const drawn = option.series.find(s => s.name === arguments[2]);"
                + " return at < 0 || !drawn ? -1 : drawn.data[at];", chart, category, series);
        return value == null ? -1 : ((Number) value).doubleValue();
    }
}
