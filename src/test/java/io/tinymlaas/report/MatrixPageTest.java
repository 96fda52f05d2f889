package io.tinymlaas.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tinymlaas.report.MatrixReport.Row;
import io.tinymlaas.report.MatrixReport.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

class MatrixPageTest {

    private static final MatrixReport MATRIX = new MatrixReport("hello_world", List.of(
            new Row("x86", Verdict.PASSED, "every stage passed", null, 21504L, 4096L, 32),
            new Row("arduino_nano_33_ble_sense", Verdict.PASSED, "every stage passed", 1102L, 5500L, 2100L, 32),
            new Row("arm_mps3_an547", Verdict.PASSED, "every stage passed", 1050L, 5600L, 2200L, 32),
            new Row("esp_eye", Verdict.CANNOT_RUN_HERE, "no ESP32 emulator", null, null, null, null)));

    private static String core(String target) {
        return switch (target) {
            case "arduino_nano_33_ble_sense" -> "cortex-m4";
            case "arm_mps3_an547" -> "cortex-m55";
            case "esp_eye" -> "xtensa-lx6";
            default -> target;
        };
    }

    private static final String PAGE = MatrixPage.html(MATRIX, MatrixPageTest::core);

    @Test
    void instructionsPerTargetThatRanStandBesideTflmsPublishedFiguresForItsCore() {
        JsonNode option = ChartOptions.of(PAGE, MatrixPage.INSTRUCTIONS_ID);
        assertThat(option.path("xAxis").path("data").toString())
                .isEqualTo("[\"x86\",\"arduino_nano_33_ble_sense\",\"arm_mps3_an547\"]");
        JsonNode series = option.path("series");
        assertThat(series.get(0).path("name").asText()).isEqualTo("ours");
        assertThat(series.get(0).path("data").toString()).isEqualTo("[\"-\",1102,1050]");
        TflmReference m4 = TflmReference.load().find("hello_world", "cortex-m4").orElseThrow();
        TflmReference m55 = TflmReference.load().find("hello_world", "cortex-m55").orElseThrow();
        assertThat(series.get(1).path("data").toString())
                .isEqualTo("[\"-\"," + m4.referenceKernelsInstructions() + "," + m55.referenceKernelsInstructions() + "]");
        assertThat(series.get(2).path("data").toString())
                .isEqualTo("[\"-\"," + m4.cmsisNnInstructions() + "," + m55.cmsisNnInstructions() + "]");
    }

    @Test
    void flashAndRamAreDrawnForEveryTargetThatRanAndTheTableKeepsTheOneThatCannotRunHere() {
        assertThat(ChartOptions.of(PAGE, MatrixPage.FLASH_ID).path("series").get(0).path("data").toString())
                .isEqualTo("[21504,5500,5600]");
        JsonNode ram = ChartOptions.of(PAGE, MatrixPage.RAM_ID).path("series");
        assertThat(ram.get(0).path("data").toString()).isEqualTo("[4096,2100,2200]");
        assertThat(ram.get(1).path("data").toString()).isEqualTo("[32,32,32]");
        assertThat(PAGE).contains("<td>esp_eye</td><td>xtensa-lx6</td><td class=\"CANNOT_RUN_HERE\">CANNOT_RUN_HERE</td>")
                .contains("no ESP32 emulator");
    }
}
