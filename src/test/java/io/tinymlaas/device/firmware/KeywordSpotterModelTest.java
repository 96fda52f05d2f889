package io.tinymlaas.device.firmware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tinymlaas.compile.AotCompiler;
import io.tinymlaas.compile.CompiledModel;
import io.tinymlaas.convert.CnnInt8Converter;
import io.tinymlaas.core.ProjectLayout;
import io.tinymlaas.core.TinymlException;
import io.tinymlaas.data.audio.FrontEnd;
import io.tinymlaas.tflite.SampleModels;
import io.tinymlaas.train.ConvLayer;
import io.tinymlaas.train.ConvNetwork;
import io.tinymlaas.train.DenseLayer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The keyword spotter's firmware sources: the front end, the generated network unchanged, and the adapters between them. */
class KeywordSpotterModelTest {

    private static final Path FIRMWARE = ProjectLayout.find().firmware();

    @TempDir
    Path dir;

    /** A network over the front end's 49 × 40 features: CONV 2×(3×3) → MAX_POOL 7×8 → FC 4, seeded weights. */
    private static CompiledModel keywordNetwork(long seed) {
        Random random = new Random(seed);
        float[][][][] filter = new float[2][3][3][1];
        for (float[][][] f : filter) {
            for (float[][] row : f) {
                for (float[] column : row) {
                    column[0] = (float) random.nextGaussian() * 0.3f;
                }
            }
        }
        float[][] weights = new float[4][7 * 5 * 2];
        for (float[] row : weights) {
            for (int j = 0; j < row.length; j++) {
                row[j] = (float) random.nextGaussian() * 0.2f;
            }
        }
        ConvNetwork network = new ConvNetwork(49, 40, 1, List.of(new ConvLayer(filter, new float[2], 7, 8)),
                List.of(new DenseLayer(weights, new float[4], false)));
        float[][] calibration = new float[8][FrontEnd.FEATURES];
        for (float[] x : calibration) {
            for (int i = 0; i < x.length; i++) {
                x[i] = random.nextFloat() * 9;
            }
        }
        return AotCompiler.compile(CnnInt8Converter.convert(network, calibration, "keyword test"), Long.toHexString(seed).repeat(4),
                "keyword.tflite");
    }

    @Test
    void itWritesTheFrontEndTheNetworkBesideItAndAHeaderWithOneClipInAndTheScoresOut() throws IOException {
        CompiledModel network = keywordNetwork(1);
        KeywordSpotterModel spotter = new KeywordSpotterModel(FIRMWARE, network, "keyword.tflite");
        Path written = spotter.writeTo(dir.resolve("model"));
        try (var files = Files.list(written)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted())
                    .containsExactly("frontend.c", "frontend.h", "frontend_tables.h", "model.c", "model.h", "network", "network.c");
        }
        assertThat(written.resolve("network/model.c")).hasContent(network.source());
        assertThat(written.resolve("network/model.h")).hasContent(network.header());
        assertThat(written.resolve("model.c")).hasSameTextualContentAs(FIRMWARE.resolve("frontend/keyword_model.c"));
        assertThat(written.resolve("model.h")).content().contains("#define TINYML_MODEL_INPUT_BYTES 32000\n",
                "#define TINYML_MODEL_OUTPUT_BYTES 4\n", "#define TINYML_NETWORK_INPUT_BYTES 1960\n",
                "#define TINYML_MODEL_HASH \"" + spotter.modelHash() + "\"\n");
        assertThat(spotter.modelHash()).matches("[0-9a-f]{64}").isNotEqualTo(network.modelHash())
                .isNotEqualTo(new FrontEndModel(FIRMWARE).modelHash())
                .isNotEqualTo(new KeywordSpotterModel(FIRMWARE, keywordNetwork(2), "other.tflite").modelHash());
    }

    @Test
    void bothAdaptersBuildForACortexM4WithoutWarnings() throws Exception {
        Path model = new KeywordSpotterModel(FIRMWARE, keywordNetwork(3), "keyword.tflite").writeTo(dir.resolve("model"));
        assertThat(ArmGcc.messages(model, "model.c")).as("build of the keyword adapter").isEqualTo("");
        assertThat(ArmGcc.messages(model, "network.c")).as("build of the renamed network").isEqualTo("");
    }

    @Test
    void aNetworkThatDoesNotTakeTheFrontEndsFeaturesIsRefusedNamingItsInput() {
        CompiledModel dense = AotCompiler.compile(SampleModels.tinyDense(), "11".repeat(32), "tiny.tflite");
        assertThatThrownBy(() -> new KeywordSpotterModel(FIRMWARE, dense, "tiny.tflite"))
                .isInstanceOf(TinymlException.class)
                .hasMessage("tiny.tflite: the keyword model takes " + dense.inputBytes() + " input bytes, but the audio front end "
                        + "gives 1960 (49 frames x 40 channels of int8)");
    }
}
