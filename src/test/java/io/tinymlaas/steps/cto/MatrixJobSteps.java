package io.tinymlaas.steps.cto;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.tinymlaas.steps.service.Api;
import io.tinymlaas.steps.service.PipelineRunWatch;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The board matrix on the service's job engine, through the REST API. */
public class MatrixJobSteps {

    /** A hello_world cell takes about a minute; the limit only stops a hung matrix. */
    private static final Duration LIMIT = Duration.ofMinutes(15);

    private final Api api;
    private JsonNode matrix;

    public MatrixJobSteps(Api api) {
        this.api = api;
    }

    @When("I start the matrix of {string} on {string} and {string}")
    public void startTheMatrix(String example, String first, String second) {
        matrix = api.post("/api/matrices", Map.of("example", example, "targets", List.of(first, second))).json();
    }

    @Then("the matrix has one cell per target in order, {string} CANNOT_RUN_HERE saying why, {string} a job of its own")
    public void theCells(String cannotRun, String runs) {
        List<String> targets = new ArrayList<>();
        Set<Long> jobs = new HashSet<>();
        for (JsonNode cell : matrix.get("cells")) {
            targets.add(cell.get("target").asText());
            if (cell.get("target").asText().equals(cannotRun)) {
                assertThat(cell.get("verdict").asText()).isEqualTo("CANNOT_RUN_HERE");
                assertThat(cell.get("detail").asText()).isNotBlank();
                assertThat(cell.get("runId").isNull()).isTrue();
            } else {
                assertThat(cell.get("verdict").asText()).isIn("QUEUED", "RUNNING");
                jobs.add(cell.get("runId").asLong());
            }
        }
        assertThat(targets).containsExactly(runs, cannotRun);
        assertThat(jobs).hasSize(1);
    }

    @Then("the matrix finishes with {string} PASSED, bit-identical to the reference interpreter")
    public void theMatrixFinishes(String target) {
        matrix = api.until("/api/matrices/" + matrix.get("id").asLong(), current -> current.get("finished").asBoolean(), "finished",
                LIMIT);
        assertThat(matrix.get("passed").asBoolean()).as(matrix.toString()).isTrue();
        for (JsonNode cell : matrix.get("cells")) {
            if (cell.get("target").asText().equals(target)) {
                assertThat(cell.get("verdict").asText()).isEqualTo("PASSED");
                JsonNode run = api.get("/api/runs/" + cell.get("runId").asLong()).json();
                assertThat(PipelineRunWatch.stage(run, "compare").get("detail").asText()).startsWith("bit-identical to the reference interpreter");
            }
        }
    }
}
