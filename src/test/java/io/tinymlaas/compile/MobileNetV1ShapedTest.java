package io.tinymlaas.compile;

import static org.assertj.core.api.Assertions.assertThat;

import io.tinymlaas.tflite.TfliteModel;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The person_detection-shaped benchmark model: what it holds, how little arena it needs, and that it runs exactly. */
class MobileNetV1ShapedTest {

    @TempDir
    Path dir;

    @Test
    void itHasMobileNetsTwentyNineLayersAndWeightsOfAQuarterWidthNetwork() {
        TfliteModel model = MobileNetV1Shaped.build(1);
        assertThat(model.operators()).hasSize(1 + 2 * 13 + 4);
        assertThat(model.input().byteSize()).isEqualTo(96 * 96);
        long weights = model.tensors().stream().filter(t -> t.constant()).mapToLong(t -> t.data().length).sum();
        assertThat(weights).isBetween(200_000L, 300_000L);
    }

    @Test
    void itsActivationsFitInTheLargestLayerPairAnd60000Bytes() {
        CompiledModel compiled = AotCompiler.compile(MobileNetV1Shaped.build(1), "00", "mobilenet.tflite");
        // pw1 reads 48×48×8 and writes 48×48×16: 55,296 B must be live at once; nothing more is needed.
        assertThat(compiled.plan().arenaBytes()).isEqualTo(48 * 48 * 8 + 48 * 48 * 16);
    }

    @Test
    void itRunsBitExactlyWithThePortableKernels() {
        OperatorHarness.assertBitExact(MobileNetV1Shaped.build(1), 2, new Random(5), dir, "mobilenet");
    }
}
