package io.tinymlaas.device.firmware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tinymlaas.compile.AotCompiler;
import io.tinymlaas.compile.CompiledModel;
import io.tinymlaas.convert.CnnInt8Converter;
import io.tinymlaas.core.ProjectLayout;
import io.tinymlaas.core.TinymlException;
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

/** The face follower's firmware sources: the generated network unchanged, the servo code, and the adapter between them. */
class FaceFollowerModelTest {

    private static final Path FIRMWARE = ProjectLayout.find().firmware();

    @TempDir
    Path dir;

    /** A network over an 8 × 8 frame: CONV 2×(3×3) → MAX_POOL 2×2 → FC {@code outputs}, seeded weights. */
    private static CompiledModel network(int outputs, long seed) {
        Random random = new Random(seed);
        float[][][][] filter = new float[2][3][3][1];
        for (float[][][] f : filter) {
            for (float[][] row : f) {
                for (float[] column : row) {
                    column[0] = (float) random.nextGaussian() * 0.3f;
                }
            }
        }
        float[][] weights = new float[outputs][4 * 4 * 2];
        for (float[] row : weights) {
            for (int j = 0; j < row.length; j++) {
                row[j] = (float) random.nextGaussian() * 0.2f;
            }
        }
        ConvNetwork network = new ConvNetwork(8, 8, 1, List.of(new ConvLayer(filter, new float[2], 2, 2)),
                List.of(new DenseLayer(weights, new float[outputs], false)));
        float[][] calibration = new float[8][64];
        for (float[] x : calibration) {
            for (int i = 0; i < x.length; i++) {
                x[i] = random.nextFloat();
            }
        }
        return AotCompiler.compile(CnnInt8Converter.convert(network, calibration, "face test"), Long.toHexString(seed).repeat(4),
                "face.tflite");
    }

    @Test
    void itWritesTheNetworkTheServoCodeAndAHeaderWithAFrameInAndScoresPlusACommandOut() throws IOException {
        CompiledModel network = network(9, 1);
        FaceFollowerModel follower = new FaceFollowerModel(FIRMWARE, network, -128, "face.tflite");
        Path written = follower.writeTo(dir.resolve("model"));
        try (var files = Files.list(written)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted())
                    .containsExactly("model.c", "model.h", "network", "network.c", "servo.c", "servo.h");
        }
        assertThat(written.resolve("network/model.c")).hasContent(network.source());
        assertThat(written.resolve("model.c")).hasSameTextualContentAs(FIRMWARE.resolve("servo/face_model.c"));
        assertThat(written.resolve("servo.c")).hasSameTextualContentAs(FIRMWARE.resolve("servo/servo.c"));
        assertThat(written.resolve("model.h")).content().contains("#define TINYML_MODEL_INPUT_BYTES 64\n",
                "#define TINYML_MODEL_OUTPUT_BYTES 17\n", "#define TINYML_NETWORK_OUTPUT_BYTES 9\n",
                "#define TINYML_FACE_SCORE_ZERO_POINT (-128)\n", "#define TINYML_MODEL_HASH \"" + follower.modelHash() + "\"\n");
        assertThat(follower.modelHash()).matches("[0-9a-f]{64}").isNotEqualTo(network.modelHash())
                .isNotEqualTo(new FaceFollowerModel(FIRMWARE, network(9, 2), -128, "other.tflite").modelHash())
                .isNotEqualTo(new FaceFollowerModel(FIRMWARE, network, -127, "face.tflite").modelHash());
    }

    @Test
    void aNetworkThatDoesNotAnswerNineCellScoresIsRefused() {
        assertThatThrownBy(() -> new FaceFollowerModel(FIRMWARE, network(4, 3), -128, "keyword.tflite"))
                .isInstanceOf(TinymlException.class)
                .hasMessage("keyword.tflite: a face-position model answers 9 int8 scores, one per cell of a 3x3 grid; this one answers 4");
    }
}
