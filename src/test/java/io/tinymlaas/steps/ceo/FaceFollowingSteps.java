package io.tinymlaas.steps.ceo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.cucumber.java.Before;
import io.cucumber.java.Scenario;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.tinymlaas.app.FaceFollowingOutcome;
import io.tinymlaas.core.TinymlException;
import io.tinymlaas.device.firmware.PanTilt;
import io.tinymlaas.device.firmware.ServoCommand;
import io.tinymlaas.lifecycle.FaceFollowingDemo.Followed;
import io.tinymlaas.report.Quality;
import io.tinymlaas.report.ReportWriter;
import io.tinymlaas.steps.World;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;

/** The face-following pan/tilt demo, run through the facade the `demo face-following` command calls. */
public class FaceFollowingSteps {

    private final World world;
    private Scenario scenario;
    private FaceFollowingOutcome outcome;
    private TinymlException refusal;

    public FaceFollowingSteps(World world) {
        this.world = world;
    }

    @Before
    public void remember(Scenario current) {
        scenario = current;
    }

    @When("the face-following demo runs on the emulated board {string}")
    public void runs(String board) {
        outcome = world.tinyml.faceFollowing(board, stage -> { });
    }

    @When("the face-following demo is asked for on the board {string}")
    public void askedFor(String board) {
        try {
            outcome = world.tinyml.faceFollowing(board, stage -> { });
        } catch (TinymlException e) {
            refusal = e;
        }
    }

    @Then("the demo is refused with {string}")
    public void refused(String message) {
        assertThat(outcome).isNull();
        assertThat(refusal).isNotNull();
        assertThat(refusal.getMessage()).contains(message);
    }

    @Then("the face-position model finds the face centre on held-out frames within {int} pixels on average")
    public void modelFindsTheFace(int pixels) {
        Quality error = followed().modelQuality().get(0);
        assertThat(error.metric()).contains("pixels");
        assertThat(error.value()).isLessThanOrEqualTo(pixels);
        assertThat(error.passed()).isTrue();
    }

    @Then("the board answered each of the {int} scripted frames over the UART with its cell scores and a servo command")
    public void answeredEveryFrame(int frames) {
        assertThat(followed().frames()).hasSize(frames);
        assertThat(followed().run().outputs()).hasSize(frames)
                .allSatisfy(answer -> assertThat(answer).hasSize(PanTilt.CELLS + PanTilt.COMMAND_BYTES));
        assertThat(followed().run().instructions()).hasSize(frames).allSatisfy(n -> assertThat(n).isPositive());
        assertThat(followed().run().description()).startsWith("qemu mps2-an386");
    }

    @Then("every cell score is bit-identical to the reference interpreter's")
    public void scoresBitIdentical() {
        assertThat(followed().scores().inputs()).isEqualTo(followed().frames().size());
        assertThat(followed().scores().bitIdentical()).as("%s", followed().scores()).isTrue();
    }

    @Then("every servo command is what the host's pan\\/tilt arithmetic makes of the board's own scores")
    public void commandsAsPredicted() {
        assertThat(followed().commands()).containsExactlyElementsOf(followed().predicted());
    }

    @Then("no angle changed by more than {double} degrees from one frame to the next, the servo's rate limit")
    public void rateLimited(double degrees) {
        assertThat(PanTilt.MAX_STEP_CDEG / 100.0).isEqualTo(degrees);
        ServoCommand previous = new ServoCommand(0, 0, 1500, 1500);
        for (ServoCommand c : followed().commands()) {
            assertThat(Math.abs(c.panCdeg() - previous.panCdeg())).isLessThanOrEqualTo(PanTilt.MAX_STEP_CDEG);
            assertThat(Math.abs(c.tiltCdeg() - previous.tiltCdeg())).isLessThanOrEqualTo(PanTilt.MAX_STEP_CDEG);
            previous = c;
        }
    }

    @Then("every pulse is the one for its angle, between {int} and {int} microseconds of a {int}-microsecond period")
    public void pulses(int min, int max, int period) {
        assertThat(List.of(PanTilt.MIN_PULSE_US, PanTilt.MAX_PULSE_US, PanTilt.PERIOD_US)).containsExactly(min, max, period);
        for (ServoCommand c : followed().commands()) {
            // -90° to +90° spread linearly over the pulse widths, to the nearest microsecond
            assertThat(c.panPulseUs()).isBetween(min, max);
            assertThat((double) c.panPulseUs()).isCloseTo((min + max) / 2.0 + c.panDegrees() / 180 * (max - min), within(0.5));
            assertThat(c.tiltPulseUs()).isBetween(min, max);
            assertThat((double) c.tiltPulseUs()).isCloseTo((min + max) / 2.0 + c.tiltDegrees() / 180 * (max - min), within(0.5));
            assertThat(c.panDutyPercent()).isEqualTo(100.0 * c.panPulseUs() / period);
        }
    }

    @Then("the pan and tilt angles stay within {int} degrees of a stand that knew where the face was, on every frame")
    public void followsTheFace(int degrees) {
        assertThat(followed().errorsDegrees()).allSatisfy(error -> assertThat(error).isLessThanOrEqualTo(degrees));
        assertThat(followed().followsTheFace()).isTrue();
        assertThat(followed().passed()).isTrue();
    }

    @Then("the report plots the face's path against the servos' path")
    public void reportPlotsThePath() throws IOException {
        String html = Files.readString(outcome.html());
        assertThat(html).contains("echarts.init(document.getElementById('path'))", "true face direction", "servos (board)",
                "echarts.init(document.getElementById('angles'))");
        JsonNode json = ReportWriter.JSON.readTree(outcome.html().resolveSibling("face-following.json").toFile());
        assertThat(json.path("frames")).hasSize(followed().frames().size());
        assertThat(json.path("max_error_degrees").asDouble()).isEqualTo(followed().maxErrorDegrees());
        scenario.attach(html.getBytes(StandardCharsets.UTF_8), "text/html", "face-following.html");
        scenario.log(followed().summary());
    }

    private Followed followed() {
        assertThat(outcome).as("the demo ran").isNotNull();
        return outcome.followed();
    }
}
