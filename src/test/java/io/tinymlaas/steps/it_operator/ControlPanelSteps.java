package io.tinymlaas.steps.it_operator;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.tinymlaas.steps.WideDenseModel;
import io.tinymlaas.steps.World;
import io.tinymlaas.steps.browser.WebPage;
import io.tinymlaas.steps.service.Api;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;

/** The operator's control panel driven in the browser: what a person types and clicks, and what the page then shows. */
public class ControlPanelSteps {

    private static final String PANEL = "/panel/";
    /** Columns of the panel's tables, as the page lays them out. */
    private static final int DEVICE_NAME = 1;
    private static final int DEVICE_STATUS = 6;
    private static final int DEVICE_MODEL = 7;
    private static final int DEVICE_FAULT = 9;
    private static final int TOOLCHAIN_NAME = 1;
    private static final int TOOLCHAIN_HEALTH = 4;
    private static final int TOOLCHAIN_FOUND = 5;
    private static final int PIPELINE_NAME = 1;

    private final WebPage page;
    private final Api api;
    private final World world;

    public ControlPanelSteps(WebPage page, Api api, World world) {
        this.page = page;
        this.api = api;
        this.world = world;
    }

    @Given("the control panel is open in the browser, signed out")
    public void openSignedOut() {
        page.openSignedOut(PANEL);
    }

    @When("I sign in with the token {string}")
    public void signInWith(String token) {
        page.signIn(token);
    }

    @When("I sign in with the first operator's token")
    public void signInAsFirstOperator() {
        page.signIn(api.service.operatorToken);
    }

    @Given("I am signed in with the first operator's token")
    public void signedInAsFirstOperator() {
        signInAsFirstOperator();
        signedInAs("first operator (operator)");
    }

    @When("I sign in with that token")
    public void signInWithThatToken() {
        page.signIn(api.token());
    }

    @Then("the {word} form says {string}")
    public void formSays(String form, String text) {
        assertThat(page.formMessage(form + "-form")).contains(text);
    }

    @Then("the panel shows me signed in as {string}")
    public void signedInAs(String who) {
        assertThat(page.await(d -> d.findElements(By.id("who")).stream().findFirst().orElse(null)).getText()).isEqualTo(who);
    }

    @Then("it lists the devices, toolchains, models, pipelines and rollouts")
    public void listsEverything() {
        for (String part : List.of("#devices", "#toolchains", "#models", "#pipelines", "#rollouts")) {
            page.await(d -> d.findElements(By.cssSelector(part)).isEmpty() ? null : part);
        }
        // the service registers and checks its built-in toolchains as it starts, the registry's other lists are empty
        page.await(d -> page.rows("#toolchains").size() > 1 ? true : null);
        assertThat(page.rows("#toolchains")).allSatisfy(row -> assertThat(row).hasSize(9));
        page.screenshot("signed in: the control panel");
    }

    @When("I register the emulated device {string} on board {string} tagged {string}")
    public void registerDevice(String name, String board, String tags) {
        page.fill("device-form", "name", name);
        page.fill("device-form", "board", board);
        page.fill("device-form", "transport", "emulator");
        page.fill("device-form", "tags", tags);
        page.submit("device-form");
    }

    @Given("I have registered the emulated device {string} on board {string} tagged {string}")
    public void registeredDevice(String name, String board, String tags) {
        registerDevice(name, board, tags);
        assertThat(page.formMessage("device-form")).startsWith("registered '" + name + "' as device ");
    }

    @Then("the devices list shows {string} exactly as typed, REGISTERED")
    public void deviceShownAsTyped(String name) {
        List<String> row = page.rowWhere("#devices", DEVICE_NAME, name);
        assertThat(row.get(DEVICE_STATUS)).isEqualTo("REGISTERED");
        assertThat(page.formMessage("device-form")).isEqualTo("registered '" + name + "' as device " + row.get(0));
        page.screenshot("a device named like HTML, shown as text");
    }

    @Then("no script of the name ran and no markup was made of it")
    public void noMarkupMade() {
        try {
            page.driver().switchTo().alert();
            throw new AssertionError("an alert opened: the device name ran as a script");
        } catch (NoAlertPresentException expected) {
            // nothing ran
        }
        assertThat(page.driver().findElements(By.cssSelector("#devices script, #devices b, #rollout-devices b"))).isEmpty();
        assertThat(page.driver().findElements(By.tagName("script"))).as("the page's own module script only").hasSize(1);
    }

    @When("I register in the panel the toolchain {string} of kind {string} run by {string}")
    public void registerToolchain(String name, String kind, String command) {
        page.fill("toolchain-form", "name", name);
        page.fill("toolchain-form", "kind", kind);
        page.fill("toolchain-form", "command", command);
        assertThat(page.submit("toolchain-form")).startsWith("registered '" + name + "': ");
    }

    @Then("the toolchains list shows {string} INSTALLED with the version it printed")
    public void toolchainInstalled(String name) {
        List<String> row = page.rowWhere("#toolchains", TOOLCHAIN_NAME, name);
        assertThat(row.get(TOOLCHAIN_HEALTH)).isEqualTo("INSTALLED");
        assertThat(row.get(TOOLCHAIN_FOUND)).isNotBlank().doesNotContain("install");
    }

    @Then("the toolchains list shows {string} MISSING saying why")
    public void toolchainMissing(String name) {
        List<String> row = page.rowWhere("#toolchains", TOOLCHAIN_NAME, name);
        assertThat(row.get(TOOLCHAIN_HEALTH)).isEqualTo("MISSING");
        assertThat(row.get(TOOLCHAIN_FOUND)).contains("no-such-gcc-9");
        page.screenshot("toolchains with their health checks");
    }

    @When("I compose the pipeline {string} of {string} on {string} up to {string} with seed {long}")
    public void composePipeline(String name, String example, String target, String lastStage, long seed) {
        page.fill("pipeline-form", "name", name);
        page.fill("pipeline-form", "example", example);
        page.fill("pipeline-form", "target", target);
        page.fill("pipeline-form", "lastStage", lastStage);
        page.fill("pipeline-form", "seed", String.valueOf(seed));
        assertThat(page.submit("pipeline-form")).startsWith("composed pipeline ");
    }

    @When("I run {string} from the pipelines list")
    public void runPipeline(String name) {
        page.clickInRow("#pipelines", PIPELINE_NAME, name, "button.run");
        assertThat(page.await(d -> d.findElements(By.id("run-status")).stream().findFirst().orElse(null)).getText()).startsWith("run ");
    }

    @Then("the run shows the stages collect, train, store and convert as they end, each PASSED")
    public void stagesShown() {
        page.await(d -> page.find("#run-stages", 0, "collect").orElse(null));
        page.screenshot("a pipeline run in progress");
        for (String stage : List.of("collect", "train", "store", "convert")) {
            assertThat(page.rowWhere("#run-stages", 0, stage).get(1)).as(stage).isEqualTo("PASSED");
        }
    }

    @Then("the run ends PASSED naming the model it stored")
    public void runEnded() {
        String status = page.await(d -> {
            String text = d.findElement(By.id("run-status")).getText();
            return text.contains(" ended ") ? text : null;
        });
        assertThat(status).matches("run \\d+: PASSED model hello_world-[0-9a-f]{12} ended .*");
        page.screenshot("a pipeline run that ended");
    }

    @When("I upload a small int8 model with {int} hidden units as {string}")
    public void uploadModel(int hidden, String name) throws IOException {
        Path model = WideDenseModel.write(world.layout.output().resolve("acceptance"), 16, hidden);
        page.fill("model-form", "name", name);
        page.driver().findElement(By.cssSelector("#model-form [name=file]")).sendKeys(model.toAbsolutePath().toString());
        page.submit("model-form");
    }

    @When("I assign {string} to the group {string}")
    public void assignToGroup(String model, String tag) {
        String modelId = page.formMessage("model-form").replaceFirst("^registered (\\S+) .*$", "$1");
        assertThat(modelId).startsWith(model + "-");
        page.fill("rollout-form", "modelId", modelId);
        page.fill("rollout-form", "tag", tag);
        assertThat(page.submit("rollout-form")).matches("rollout \\d+ queued for 1 device\\(s\\)");
    }

    @When("I refresh the page at once")
    public void refresh() {
        page.driver().navigate().refresh();
    }

    @Then("the rollout of {string} still lists {string}, as the server has it")
    public void rolloutStillListed(String model, String device) {
        List<String> row = page.rowWhere(rollout(model), 0, device);
        assertThat(row.get(2)).isIn("PENDING", "VERIFIED");
        page.screenshot("the rollout after a refresh");
    }

    @Then("the rollout of {string} reaches COMPLETED with {string} VERIFIED")
    public void rolloutVerified(String model, String device) {
        assertThat(ended(model)).endsWith("COMPLETED");
        List<String> row = page.rowWhere(rollout(model), 0, device);
        assertThat(row.get(2)).isEqualTo("VERIFIED");
        assertThat(row.get(3)).startsWith("HELLO names model ").endsWith("3 test inferences bit-identical to the reference interpreter");
        page.screenshot("a rollout verified");
    }

    @When("I set the next flash of {string} to be interrupted, from the devices list")
    public void interruptNextFlash(String device) {
        page.clickInRow("#devices", DEVICE_NAME, device, "button.fault");
        List<String> row = page.await(d -> page.find("#devices", DEVICE_NAME, device)
                .filter(cells -> cells.get(DEVICE_FAULT).equals("flash-interrupted")).orElse(null));
        assertThat(row.get(DEVICE_STATUS)).isEqualTo("ONLINE");
    }

    @Then("the rollout of {string} ends with {string} ROLLED_BACK to {string}")
    public void rolledBack(String model, String device, String previous) {
        ended(model);
        List<String> row = page.rowWhere(rollout(model), 0, device);
        assertThat(row.get(2)).isEqualTo("ROLLED_BACK");
        assertThat(row.get(3)).startsWith("verification failed: ").contains("rolled back to model " + previous + "-");
        page.screenshot("a failed flash rolled back");
    }

    /** Waits for the newest rollout of the model to end, and answers its heading. */
    private String ended(String model) {
        return page.await(d -> {
            String text = d.findElement(By.cssSelector(rolloutCard(model) + " h3")).getText();
            return text.endsWith("COMPLETED") || text.endsWith("STOPPED") ? text : null;
        });
    }

    @Then("the devices list shows {string} ONLINE running {string}")
    public void deviceRunning(String device, String model) {
        List<String> row = page.await(d -> page.find("#devices", DEVICE_NAME, device)
                .filter(cells -> cells.get(DEVICE_STATUS).equals("ONLINE")).orElse(null));
        assertThat(row.get(DEVICE_MODEL)).startsWith(model + "-");
    }

    /** The newest rollout card of the model: the panel lists the newest first. */
    private static String rolloutCard(String model) {
        return "#rollouts .rollout[data-model^='" + model + "-']";
    }

    private static String rollout(String model) {
        return rolloutCard(model) + " table";
    }
}
