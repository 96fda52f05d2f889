package io.tinymlaas.compile.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tinymlaas.compile.AotCompiler;
import io.tinymlaas.compile.CompilationException;
import io.tinymlaas.compile.OperatorHarness;
import io.tinymlaas.tflite.Activation;
import io.tinymlaas.tflite.OperatorOptions;
import io.tinymlaas.tflite.Quantization;
import io.tinymlaas.tflite.Tensor;
import io.tinymlaas.tflite.TfliteModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.lite.schema.BuiltinOperator;

/**
 * MEAN int8: our C against the TFLite 2.6 interpreter, bit for bit, on each of the interpreter's three int8 paths
 * (tinyml/kernels/mean.h): the spatial kernel (4-D, axes {1, 2} or {2, 1}, keep_dims), the integer mean when input and
 * output share their quantization, and the float rescale otherwise. Shapes, axes (negative ones too), keep_dims and
 * scales are random and seeded.
 */
class MeanOperatorTest {

    private static final int MODELS = 10;
    private static final int CASES = 40;

    @TempDir
    Path dir;

    static TfliteModel mean(int[] shape, int[] axes, boolean keepDims, Quantization in, Quantization out) {
        int rank = shape.length;
        boolean[] reduced = new boolean[rank];
        for (int axis : axes) {
            reduced[axis < 0 ? axis + rank : axis] = true;
        }
        List<Integer> outShape = new ArrayList<>();
        for (int d = 0; d < rank; d++) {
            if (!reduced[d]) {
                outShape.add(shape[d]);
            } else if (keepDims) {
                outShape.add(1);
            }
        }
        List<Tensor> tensors = List.of(OperatorHarness.activation("input", shape, in),
                PadOperatorTest.int32Constant("axis", new int[] {axes.length}, axes),
                OperatorHarness.activation("output", outShape.stream().mapToInt(Integer::intValue).toArray(), out));
        return OperatorHarness.singleOperator(BuiltinOperator.MEAN, tensors, new int[] {0, 1}, Activation.NONE,
                new OperatorOptions.Reducer(keepDims));
    }

    /** A random non-empty set of axes of {@code rank}, each written as itself or as its negative alias. */
    static int[] randomAxes(int rank, Random random) {
        List<Integer> axes = new ArrayList<>();
        for (int d = 0; d < rank; d++) {
            if (random.nextInt(2) == 0) {
                axes.add(random.nextBoolean() ? d : d - rank);
            }
        }
        if (axes.isEmpty()) {
            axes.add(random.nextInt(rank));
        }
        java.util.Collections.shuffle(axes, random);
        return axes.stream().mapToInt(Integer::intValue).toArray();
    }

    static int[] randomShape(int rank, Random random) {
        int[] shape = new int[rank];
        for (int d = 0; d < rank; d++) {
            shape[d] = 1 + random.nextInt(d == 0 && rank == 4 ? 2 : 7);
        }
        return shape;
    }

    /** An output quantization near the input's (scale ratio in [0.5, 2), zero point shifted), so few outputs clamp. */
    static Quantization nearby(Quantization in, Random random) {
        float scale = (float) (in.scale() * Math.pow(2, random.nextDouble() * 2 - 1));
        return Quantization.perTensor(scale, Math.max(-128, Math.min(127, in.zeroPoint() + random.nextInt(41) - 20)));
    }

    @Test
    void theSpatialPathIsBitExact() {
        Random random = new Random(1201);
        for (int m = 0; m < MODELS; m++) {
            int[] shape = {1 + random.nextInt(2), 1 + random.nextInt(9), 1 + random.nextInt(9), 1 + random.nextInt(12)};
            int[] axes = random.nextBoolean() ? new int[] {1, 2} : new int[] {2, 1};
            Quantization in = OperatorHarness.randomActivationQuantization(random);
            Quantization out = m % 4 == 0 ? in : nearby(in, random);
            OperatorHarness.assertBitExact(mean(shape, axes, true, in, out), CASES, random, dir, "mean_spatial" + m);
        }
    }

    @Test
    void theSameQuantizationPathIsBitExact() {
        Random random = new Random(1202);
        for (int m = 0; m < MODELS; m++) {
            int rank = 1 + m % 4;
            int[] shape = randomShape(rank, random);
            int[] axes = randomAxes(rank, random);
            boolean keepDims = random.nextBoolean();
            if (keepDims && rank == 4 && axes.length == 2 && Arrays.stream(axes).sum() == 3) {
                axes = new int[] {-3, -2}; // the same reduction, but not the spatial path
            }
            Quantization q = OperatorHarness.randomActivationQuantization(random);
            OperatorHarness.assertBitExact(mean(shape, axes, keepDims, q, q), CASES, random, dir, "mean_same" + m);
        }
    }

    @Test
    void theFloatRescalePathIsBitExact() {
        Random random = new Random(1203);
        for (int m = 0; m < MODELS; m++) {
            int rank = 1 + m % 4;
            int[] shape = randomShape(rank, random);
            int[] axes = m == 3 ? new int[] {-3, -2} : randomAxes(rank, random);
            boolean keepDims = m == 3 || random.nextBoolean();
            Quantization in = OperatorHarness.randomActivationQuantization(random);
            OperatorHarness.assertBitExact(mean(shape, axes, keepDims, in, nearby(in, random)), CASES, random, dir,
                    "mean_float" + m);
        }
    }

    @Test
    void theSpatialPathIsChosenFromTheRawAxisTensor() {
        Quantization in = Quantization.perTensor(0.05f, 3);
        Quantization out = Quantization.perTensor(0.04f, -7);
        String spatial = AotCompiler.compile(mean(new int[] {1, 4, 4, 2}, new int[] {2, 1}, true, in, out), "00", "m.tflite").source();
        String negative = AotCompiler.compile(mean(new int[] {1, 4, 4, 2}, new int[] {-3, -2}, true, in, out), "00", "m.tflite").source();
        assertThat(spatial).contains(".path = TINYML_MEAN_S8_SPATIAL");
        assertThat(negative).contains(".path = TINYML_MEAN_S8_FLOAT");
    }

    @Test
    void anAxisOutsideTheInputIsRejected() {
        Quantization q = Quantization.perTensor(0.1f, 0);
        TfliteModel model = mean(new int[] {2, 3}, new int[] {1}, false, q, q);
        List<Tensor> tensors = new ArrayList<>(model.tensors());
        tensors.set(1, PadOperatorTest.int32Constant("axis", new int[] {1}, 2));
        TfliteModel bad = new TfliteModel("bad", tensors, model.operators(), model.inputs(), model.outputs());
        assertThatThrownBy(() -> AotCompiler.compile(bad, "00", "models/mean.tflite"))
                .isInstanceOf(CompilationException.class)
                .hasMessage("models/mean.tflite: operator #0 MEAN: axis 2 is outside the 2 dimensions");
    }
}
