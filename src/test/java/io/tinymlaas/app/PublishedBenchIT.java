package io.tinymlaas.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tinymlaas.benchmark.PublishedShape;
import io.tinymlaas.core.TinymlException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * bench-published on an emulated board: MLPerf Tiny's anomaly-detection autoencoder (the cheapest of the four; the
 * others run in the nightly bench) bit-identical to the interpreter on the M4, its row written for bench-table.
 */
class PublishedBenchIT {

    private final Tinyml tinyml = Tinyml.forThisProject();

    @Test
    void theAutoencodersShapeRunsBitIdenticallyOnTheM4AndItsRowStandsBesideTflmsFigure() throws Exception {
        PublishedBenchRow row = tinyml.benchPublished(List.of(PublishedShape.AD), List.of("arduino_nano_33_ble_sense"), 2, 1)
                .get(0);
        assertThat(row.bitIdentical()).isTrue();
        assertThat(row.instructionsPerInference()).isBetween(50_000L, 582_947L);
        assertThat(row.flashBytes()).isGreaterThan(640L * 128 * 2 + 6L * 128 * 128);
        JsonNode file = new ObjectMapper().readTree(row.file().toFile());
        assertThat(file.path("example").asText()).isEqualTo("mlperf_ad");
        assertThat(file.path("instructions_per_inference").asLong()).isEqualTo(row.instructionsPerInference());
        assertThat(row.estimatedCycles()).isGreaterThan(row.instructionsPerInference());
        assertThat(tinyml.benchTable()).contains("| mlperf_ad | arduino_nano_33_ble_sense | " + row.instructionsPerInference() + " | ")
                .contains(" | 1,952,272 / 582,947 | ");
    }

    @Test
    void aBoardThatCannotRunHereIsRefusedBeforeAnyModelIsBuilt() {
        assertThatThrownBy(() -> tinyml.benchPublished(List.of(PublishedShape.AD), List.of("himax_we1_plus"), 1, 1))
                .isInstanceOf(TinymlException.class).hasMessageContaining("himax_we1_plus");
    }
}
