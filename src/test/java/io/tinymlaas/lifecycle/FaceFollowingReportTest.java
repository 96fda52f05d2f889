package io.tinymlaas.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.tinymlaas.data.FaceFrames;
import io.tinymlaas.device.TargetRun;
import io.tinymlaas.device.firmware.ProgramSize;
import io.tinymlaas.device.firmware.ServoCommand;
import io.tinymlaas.lifecycle.FaceFollowingDemo.Followed;
import io.tinymlaas.oracle.Comparison;
import io.tinymlaas.report.Quality;
import io.tinymlaas.report.ReportWriter;
import io.tinymlaas.report.StageResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The face-following verdict and report, from a run made up of three frames. */
class FaceFollowingReportTest {

    @TempDir
    Path dir;

    private static Followed followed(ServoCommand third) {
        List<FaceFrames.Frame> frames = List.of(new FaceFrames.Frame(new float[0], 0.2, 0.2), new FaceFrames.Frame(new float[0], 0.5, 0.2),
                new FaceFrames.Frame(new float[0], 0.8, 0.2));
        List<ServoCommand> ideal = List.of(new ServoCommand(-1411, 1411, 1422, 1578), new ServoCommand(0, 1800, 1500, 1600),
                new ServoCommand(1411, 1800, 1578, 1600));
        List<ServoCommand> board = List.of(ideal.get(0), new ServoCommand(-250, 1700, 1486, 1594), third);
        TargetRun run = new TargetRun(List.of(new byte[17], new byte[17], new byte[17]), List.of(100L, 110L, 120L),
                new ProgramSize(30000, 100, 12000), "qemu mps2-an386 for arduino_nano_33_ble_sense");
        return new Followed("arduino_nano_33_ble_sense", frames, List.of(new double[] {0.21, 0.2}, new double[] {0.48, 0.22},
                new double[] {0.7, 0.25}), board, board, ideal, new Comparison(3, 0, 0, -1), run,
                List.of(Quality.atMost("mean distance of the found face centre from the true one, pixels", 1.5, 3.0)), 10240,
                List.of(new StageResult("train", StageResult.Status.PASSED, 20.5, "12 epochs")));
    }

    @Test
    void theErrorOfAFrameIsTheLargerOfItsPanAndTiltErrors() {
        Followed f = followed(new ServoCommand(1000, 2000, 1556, 1611));
        assertThat(f.errorsDegrees()).containsExactly(0.0, 2.5, 4.11);
        assertThat(f.maxErrorDegrees()).isEqualTo(4.11);
        assertThat(f.meanErrorDegrees()).isCloseTo(6.61 / 3, within(1e-9));
        assertThat(f.instructionsPerFrame()).isEqualTo(110.0);
        assertThat(f.passed()).isTrue();
        assertThat(f.summary()).contains("within 4.11°", "mean 2.20°", "on 3 of 3 frames", "PASSED");
    }

    @Test
    void oneFrameBeyondTheToleranceFailsTheDemo() {
        Followed f = followed(new ServoCommand(-100, 1800, 1494, 1600));
        assertThat(f.maxErrorDegrees()).isEqualTo(15.11);
        assertThat(f.followsTheFace()).isFalse();
        assertThat(f.passed()).isFalse();
    }

    @Test
    void theReportPlotsBothPathsAndListsEveryFrameWithItsPulseAndDuty() throws IOException {
        Path html = FaceFollowingReport.write(followed(new ServoCommand(1000, 2000, 1556, 1611)), dir);
        assertThat(html).hasFileName("face-following.html");
        String page = Files.readString(html);
        assertThat(page).contains("<script>echarts.init(document.getElementById('path')).setOption(",
                "\"name\":\"true face direction\"", "\"name\":\"servos (board)\"", "\"data\":[[-18.0,18.0],[0.0,18.0],[18.0,18.0]]",
                "echarts.init(document.getElementById('angles'))", "<td>1556 (7.78 %)</td><td>1611 (8.06 %)</td>", "<b>PASSED</b>");
        JsonNode json = ReportWriter.JSON.readTree(dir.resolve("face-following.json").toFile());
        assertThat(json.path("frames")).hasSize(3);
        assertThat(json.path("frames").get(2).path("error_degrees").asDouble()).isEqualTo(4.11);
        assertThat(json.path("servo").path("max_step_degrees").asDouble()).isEqualTo(14.11);
    }
}
