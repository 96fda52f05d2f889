package io.tinymlaas.convert;

import static io.tinymlaas.convert.RandomWeights.randomFilter;
import static io.tinymlaas.convert.RandomWeights.randomMatrix;
import static io.tinymlaas.convert.RandomWeights.randomVector;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tinymlaas.compile.AotCompiler;
import io.tinymlaas.compile.CompiledModel;
import io.tinymlaas.core.Hashes;
import io.tinymlaas.tflite.Activation;
import io.tinymlaas.tflite.MultiplyAccumulates;
import io.tinymlaas.tflite.OperatorOptions;
import io.tinymlaas.tflite.Quantization;
import io.tinymlaas.tflite.Tensor;
import io.tinymlaas.tflite.TfliteModel;
import io.tinymlaas.tflite.TfliteReader;
import io.tinymlaas.tflite.TfliteWriter;
import io.tinymlaas.train.ConvLayer;
import io.tinymlaas.train.ConvNetwork;
import io.tinymlaas.train.DenseLayer;
import io.tinymlaas.train.DepthwiseLayer;
import io.tinymlaas.train.SeparableLayer;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CnnInt8ConverterTest {

    /** [24, 3, 1] → conv 4×(4×3) → pool 3×3 → conv 6×(4×1) → pool 3×1 → dense 5 → dense 3, random weights. */
    static ConvNetwork randomNetwork(Random random) {
        ConvLayer first = new ConvLayer(randomFilter(4, 4, 3, 1, 0.5, random), randomVector(4, 0.1, random), 3, 3);
        ConvLayer second = new ConvLayer(randomFilter(6, 4, 1, 4, 0.4, random), randomVector(6, 0.1, random), 3, 1);
        // 24 → 8 → 3 rows, width 3 → 1: 3 × 1 × 6 = 18 values into the dense layers
        DenseLayer hidden = new DenseLayer(randomMatrix(5, 18, 0.4, random), randomVector(5, 0.1, random), true);
        DenseLayer logits = new DenseLayer(randomMatrix(3, 5, 0.8, random), randomVector(3, 0.1, random), false);
        return new ConvNetwork(24, 3, 1, List.of(first, second), List.of(hidden, logits));
    }

    static float[][] randomInputs(int n, Random random) {
        float[][] inputs = new float[n][72];
        for (float[] input : inputs) {
            for (int i = 0; i < input.length; i++) {
                input[i] = (float) (random.nextGaussian() * 0.8 + (i % 3 == 2 ? 1 : 0));
            }
        }
        return inputs;
    }

    @Test
    void theConvertedModelFollowsTheInt8SpecAndTheInterpreterAgreesWithTheFloatNetwork() {
        Random random = new Random(42);
        ConvNetwork network = randomNetwork(random);
        float[][] calibration = randomInputs(200, random);
        TfliteModel model = CnnInt8Converter.convert(network, calibration, "cnn test");

        assertThat(model.operators()).extracting(op -> op.name()).containsExactly("CONV_2D", "MAX_POOL_2D", "CONV_2D",
                "MAX_POOL_2D", "RESHAPE", "FULLY_CONNECTED", "FULLY_CONNECTED", "SOFTMAX");
        assertThat(model.input().shape()).containsExactly(1, 24, 3, 1);
        Tensor filter = model.tensor(model.operators().get(0).inputs()[1]);
        assertThat(filter.shape()).containsExactly(4, 4, 3, 1);
        assertThat(filter.quantization().scales()).hasSize(4);
        assertThat(filter.quantization().dimension()).isZero();
        assertThat(filter.quantization().zeroPoints()).containsOnly(0L);
        Tensor bias = model.tensor(model.operators().get(0).inputs()[2]);
        for (int c = 0; c < 4; c++) {
            assertThat(bias.quantization().scales()[c])
                    .isEqualTo(model.input().quantization().scale() * filter.quantization().scales()[c]);
        }
        for (int pool : new int[] {1, 3}) {
            var op = model.operators().get(pool);
            assertThat(model.tensor(op.outputs()[0]).quantization()).isSameAs(model.tensor(op.inputs()[0]).quantization());
        }
        assertThat(model.tensor(model.operators().get(5).inputs()[1]).quantization().perChannel()).isFalse();
        assertThat(model.output().quantization().scale()).isEqualTo(1f / 256);
        assertThat(model.output().quantization().zeroPoint()).isEqualTo(-128);

        byte[] bytes = TfliteWriter.write(model);
        TfliteModel reread = TfliteReader.read(bytes, "cnn test");
        assertThat(reread.tensor(1).quantization().scales()).containsExactly(filter.quantization().scales());
        CompiledModel compiled = AotCompiler.compile(reread, Hashes.sha256(bytes), "cnn test");
        assertThat(compiled.plan().arenaBytes()).isPositive();

        assertThat(ReferenceAgreement.worstOutputError(model, bytes, network,
                List.of(randomInputs(50, random)), "cnn test")).isCloseTo(0, within(0.05));
    }

    /** [12, 12, 1] → conv 4×(3×3) stride 2 → separable 8 stride 2 → separable 8 → global average → dense 3, random weights. */
    static ConvNetwork randomSeparableNetwork(Random random) {
        ConvLayer conv = new ConvLayer(randomFilter(4, 3, 3, 1, 0.5, random), randomVector(4, 0.1, random), 2, 1, 1);
        SeparableLayer first = new SeparableLayer(new DepthwiseLayer(randomFilter(1, 3, 3, 4, 0.5, random)[0],
                randomVector(4, 0.1, random), 2), new ConvLayer(randomFilter(8, 1, 1, 4, 0.5, random), randomVector(8, 0.1, random), 1, 1));
        SeparableLayer second = new SeparableLayer(new DepthwiseLayer(randomFilter(1, 3, 3, 8, 0.5, random)[0],
                randomVector(8, 0.1, random), 1), new ConvLayer(randomFilter(8, 1, 1, 8, 0.4, random), randomVector(8, 0.1, random), 1, 1));
        DenseLayer logits = new DenseLayer(randomMatrix(3, 8, 0.8, random), randomVector(3, 0.1, random), false);
        return new ConvNetwork(12, 12, 1, List.of(conv), List.of(first, second), true, List.of(logits));
    }

    @Test
    void depthwiseSeparableBlocksBecomePerChannelDepthwiseAndPointwiseConvsAndTheInterpreterAgrees() {
        Random random = new Random(7);
        ConvNetwork network = randomSeparableNetwork(random);
        float[][] calibration = new float[200][144];
        for (float[] input : calibration) {
            for (int i = 0; i < input.length; i++) {
                input[i] = random.nextFloat();
            }
        }
        TfliteModel model = CnnInt8Converter.convert(network, calibration, "separable test");

        assertThat(model.operators()).extracting(op -> op.name()).containsExactly("CONV_2D", "DEPTHWISE_CONV_2D", "CONV_2D",
                "DEPTHWISE_CONV_2D", "CONV_2D", "AVERAGE_POOL_2D", "RESHAPE", "FULLY_CONNECTED", "SOFTMAX");
        var conv = model.operators().get(0);
        assertThat(((OperatorOptions.Conv2D) conv.options()).strideH()).isEqualTo(2);
        assertThat(model.tensor(conv.outputs()[0]).shape()).containsExactly(1, 6, 6, 4);
        var depthwise = model.operators().get(1);
        Tensor filter = model.tensor(depthwise.inputs()[1]);
        assertThat(filter.shape()).containsExactly(1, 3, 3, 4);
        assertThat(filter.quantization().dimension()).isEqualTo(3);
        assertThat(filter.quantization().scales()).hasSize(4);
        assertThat(filter.quantization().zeroPoints()).containsOnly(0L);
        assertThat(depthwise.fusedActivation()).isEqualTo(Activation.RELU);
        assertThat(depthwise.options()).isEqualTo(new OperatorOptions.DepthwiseConv2D(OperatorOptions.Padding.SAME, 2, 2, 1, 1, 1));
        Tensor bias = model.tensor(depthwise.inputs()[2]);
        Quantization input = model.tensor(depthwise.inputs()[0]).quantization();
        for (int c = 0; c < 4; c++) {
            assertThat(bias.quantization().scales()[c]).isEqualTo(input.scale() * filter.quantization().scales()[c]);
        }
        assertThat(model.tensor(depthwise.outputs()[0]).shape()).containsExactly(1, 3, 3, 4);
        assertThat(model.tensor(model.operators().get(2).inputs()[1]).shape()).containsExactly(8, 1, 1, 4);
        var average = model.operators().get(5);
        assertThat(average.options()).isEqualTo(new OperatorOptions.Pool2D(OperatorOptions.Padding.VALID, 3, 3, 3, 3));
        assertThat(model.tensor(average.outputs()[0]).shape()).containsExactly(1, 1, 1, 8);
        assertThat(model.tensor(average.outputs()[0]).quantization()).isSameAs(model.tensor(average.inputs()[0]).quantization());
        // 6·6·4·9 + 3·3·4·9 + 3·3·8·4 + 3·3·8·9 + 3·3·8·8 + 8·3
        assertThat(MultiplyAccumulates.count(model)).isEqualTo(1296 + 324 + 288 + 648 + 576 + 24);

        byte[] bytes = TfliteWriter.write(model);
        TfliteModel reread = TfliteReader.read(bytes, "separable test");
        assertThat(reread.tensor(depthwise.inputs()[1]).quantization().dimension()).isEqualTo(3);
        assertThat(AotCompiler.compile(reread, Hashes.sha256(bytes), "separable test").plan().arenaBytes()).isPositive();
        assertThat(ReferenceAgreement.worstOutputError(model, bytes, network,
                List.of(calibration).subList(0, 50), "separable test")).isCloseTo(0, within(0.05));
    }

    @Test
    void depthwiseScalesFollowEachChannelsLargestWeightAcrossTheKernel() {
        float[][][] filter = new float[2][1][3];
        filter[0][0] = new float[] {0.5f, -1.27f, 0f};
        filter[1][0] = new float[] {-0.635f, 0.2f, 0f};
        assertThat(CnnInt8Converter.depthwiseScales(filter)).containsExactly(0.005f, 0.01f, 1f);
    }

    @Test
    void perChannelScalesFollowEachChannelsLargestWeight() {
        float[][][][] filter = new float[2][1][1][2];
        filter[0][0][0] = new float[] {0.5f, -1.27f};
        filter[1][0][0] = new float[] {0f, 0f};
        assertThat(CnnInt8Converter.channelScales(filter)).containsExactly(0.01f, 1f);
    }

    @Test
    void aGivenInputQuantizationIsKeptAndTheBiasesAreScaledByIt() {
        Random random = new Random(3);
        ConvNetwork network = randomNetwork(random);
        Quantization fixed = Quantization.perTensor(0.0390625f, -128);
        TfliteModel model = CnnInt8Converter.convert(network, randomInputs(50, random), fixed, "fixed input");
        assertThat(model.input().quantization().scale()).isEqualTo(0.0390625f);
        assertThat(model.input().quantization().zeroPoint()).isEqualTo(-128);
        Tensor filter = model.tensor(model.operators().get(0).inputs()[1]);
        Tensor bias = model.tensor(model.operators().get(0).inputs()[2]);
        assertThat(bias.quantization().scales()[0]).isEqualTo(0.0390625f * filter.quantization().scales()[0]);
        assertThat(CnnInt8Converter.convert(network, randomInputs(50, random), "calibrated").input().quantization().scale())
                .isNotEqualTo(0.0390625f);
    }
}
