package io.tinymlaas.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tinymlaas.report.StageResult.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunPageTest {

    private static final RunFigures.Training TRAINING = new RunFigures.Training(7, 3, 0.125, List.of(0.5, 0.25, 0.125),
            Map.of("validation_mse", 0.01));
    /** Three held-out inputs out of order; the target ran the first two only. */
    private static final Predictions PREDICTIONS = new Predictions("sin(x)", List.of(2.0, 0.5, 1.0),
            List.of(Math.sin(2.0), Math.sin(0.5), Math.sin(1.0)), List.of(0.9, 0.47, 0.85), List.of(0.91, 0.48));
    private static final ConfusionMatrix CONFUSION = new ConfusionMatrix(List.of("wing", "ring"), List.of(List.of(3, 1), List.of(0, 4)));

    private static RunReport report(RunFigures.Training training, ConfusionMatrix confusion, Predictions predictions) {
        RunFigures figures = new RunFigures(null, training, null, null, null, confusion, predictions, null, null, null, "/tmp/run", null);
        return new RunReport("hello_world", "wio_terminal", true, "2026-12-07T18:00:00Z", 12.5,
                List.of(new StageResult("train", Status.PASSED, 10.0, "3 epochs")), figures);
    }

    private static List<Double> numbers(JsonNode array) {
        List<Double> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asDouble()));
        return values;
    }

    @Test
    void theLossChartDrawsTheTrainingLossOfEveryEpochOnALogScale() {
        JsonNode option = ChartOptions.of(RunPage.html(report(TRAINING, null, null)), RunCharts.LOSS_ID);
        assertThat(numbers(option.path("series").get(0).path("data"))).isEqualTo(TRAINING.lossPerEpoch());
        assertThat(numbers(option.path("xAxis").path("data"))).containsExactly(1.0, 2.0, 3.0);
        assertThat(option.path("yAxis").path("type").asText()).isEqualTo("log");
    }

    @Test
    void thePredictionsChartDrawsTheTruthThroughTheInputsInOrderAndEachModelsOutputsAsPoints() {
        JsonNode series = ChartOptions.of(RunPage.html(report(TRAINING, null, PREDICTIONS)), RunCharts.PREDICTIONS_ID).path("series");
        assertThat(series).hasSize(3);
        assertThat(series.get(0).path("name").asText()).isEqualTo("sin(x)");
        assertThat(series.get(0).path("data").toString()).isEqualTo("[[0.5," + Math.sin(0.5) + "],[1.0," + Math.sin(1.0) + "],[2.0,"
                + Math.sin(2.0) + "]]");
        assertThat(series.get(1).path("data").toString()).isEqualTo("[[0.5,0.47],[1.0,0.85],[2.0,0.9]]");
        assertThat(series.get(2).path("name").asText()).isEqualTo("int8 model on wio_terminal");
        assertThat(series.get(2).path("data").toString()).as("only the inputs the target ran").isEqualTo("[[0.5,0.48],[2.0,0.91]]");
    }

    @Test
    void theConfusionMatrixShowsEveryCountWithEachClassesRecallAndTheHeldOutTotal() {
        String page = RunPage.html(report(TRAINING, CONFUSION, null));
        assertThat(page).contains("8 held-out samples, accuracy 0.8750")
                .contains("<th>true \\ predicted</th><th>wing</th><th>ring</th><th>recall</th>")
                .containsPattern("<tr><th>wing</th><td[^>]*>3</td><td[^>]*>1</td><td class=\"n\">0.750</td></tr>")
                .containsPattern("<tr><th>ring</th><td[^>]*>0</td><td[^>]*>4</td><td class=\"n\">1.000</td></tr>");
        assertThat(page).doesNotContain("confusion</th>").as("drawn, not listed again as a figure");
    }

    @Test
    void aRunThatStoppedBeforeTrainingHasNoPicturesOnlyItsStages() {
        String page = RunPage.html(report(null, null, null));
        assertThat(ChartOptions.of(page, RunCharts.LOSS_ID).isMissingNode()).isTrue();
        assertThat(page).doesNotContain("<h2>Pictures</h2>").doesNotContain("Confusion matrix")
                .contains("<td>train</td><td class=\"PASSED\">PASSED</td>");
    }
}
