package io.tinymlaas.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tinymlaas.core.Rounding;
import io.tinymlaas.core.TinymlException;
import io.tinymlaas.tflite.Activation;
import io.tinymlaas.tflite.Tensor;
import io.tinymlaas.tflite.TensorType;
import io.tinymlaas.tflite.TfliteModel;
import io.tinymlaas.train.DenseLayer;
import io.tinymlaas.train.DenseNetwork;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.junit.jupiter.api.Test;

class Int8ConverterTest {

    private static final DenseNetwork NETWORK = new DenseNetwork(List.of(
            new DenseLayer(new float[][] {{1.0f}, {-0.5f}}, new float[] {0.25f, 1.0f}, true),
            new DenseLayer(new float[][] {{0.5f, -2.0f}}, new float[] {0.1f}, false)));
    private static final float[][] INPUTS = {{0f}, {1f}, {2f}, {4f}};

    /** Unit 0's weights are 100 times unit 1's, so per-tensor int8 weights erase unit 1 unless the layers are balanced. */
    private static final DenseNetwork UNBALANCED = new DenseNetwork(List.of(
            new DenseLayer(new float[][] {{10f}, {0.1f}}, new float[] {0f, 0.05f}, true),
            new DenseLayer(new float[][] {{0.01f, 2f}}, new float[] {0.5f}, false)));

    @Test
    void weightsAreSymmetricInt8WithTheLargestMagnitudeAt127() {
        TfliteModel model = Int8Converter.quantize(NETWORK, INPUTS, "test");
        Tensor weights = model.tensor(model.operators().get(1).inputs()[1]);
        assertThat(weights.type()).isEqualTo(TensorType.INT8);
        assertThat(weights.quantization().zeroPoint()).isZero();
        assertThat(weights.quantization().scale()).isEqualTo(2.0f / 127);
        assertThat(weights.data()).containsExactly((byte) 32, (byte) -127);
    }

    @Test
    void biasIsInt32AtInputScaleTimesWeightScale() {
        TfliteModel model = Int8Converter.quantize(NETWORK, INPUTS, "test");
        Tensor input = model.input();
        Tensor weights = model.tensor(1);
        Tensor bias = model.tensor(2);
        assertThat(bias.type()).isEqualTo(TensorType.INT32);
        float biasScale = input.quantization().scale() * weights.quantization().scale();
        assertThat(bias.quantization().scale()).isEqualTo(biasScale);
        int first = ByteBuffer.wrap(bias.data()).order(ByteOrder.LITTLE_ENDIAN).getInt(0);
        assertThat(first).isEqualTo((int) Rounding.halfAwayFromZero(0.25 / biasScale));
    }

    @Test
    void activationRangesComeFromTheRepresentativeData() {
        TfliteModel model = Int8Converter.quantize(NETWORK, INPUTS, "test");
        assertThat(model.input().quantization().scale()).isEqualTo(4f / 255);
        // Hidden layer after ReLU: unit 0 reaches 4.25 at x = 4, unit 1 is 1.0 at x = 0.
        Tensor hidden = model.tensor(3);
        assertThat(hidden.quantization().scale()).isEqualTo((float) (4.25 / 255));
        assertThat(hidden.quantization().zeroPoint()).isEqualTo(-128);
        assertThat(model.operators()).extracting(op -> op.fusedActivation()).containsExactly(Activation.RELU, Activation.NONE);
        assertThat(model.output().name()).isEqualTo("output");
    }

    @Test
    void anEmptyRepresentativeDataSetIsRejected() {
        assertThatThrownBy(() -> Int8Converter.convert(NETWORK, new float[0][], "test"))
                .isInstanceOf(TinymlException.class).hasMessageContaining("representative data set");
    }

    @Test
    void aNanInTheNetworkIsReportedNotQuantized() {
        DenseNetwork broken = new DenseNetwork(List.of(new DenseLayer(new float[][] {{Float.NaN}}, new float[] {0f}, false)));
        assertThatThrownBy(() -> Int8Converter.convert(broken, INPUTS, "test"))
                .isInstanceOf(TinymlException.class).hasMessageContaining("NaN");
    }

    @Test
    void ofTheNetworkAsTrainedAndEqualizedItWritesTheOneWhoseInt8OutputsStayCloserToTheFloatOnes() {
        float[][] inputs = new float[41][];
        for (int i = 0; i < inputs.length; i++) {
            inputs[i] = new float[] {i / 10f};
        }
        for (DenseNetwork network : List.of(NETWORK, UNBALANCED)) {
            float[][] floats = java.util.Arrays.stream(inputs).map(network::predict).toArray(float[][]::new);
            double asTrained = DenseInt8Simulation.meanSquaredError(Int8Converter.quantize(network, inputs, "t"), inputs, floats);
            double equalized = DenseInt8Simulation.meanSquaredError(
                    Int8Converter.quantize(CrossLayerEqualization.apply(network), inputs, "t"), inputs, floats);
            double written = DenseInt8Simulation.meanSquaredError(Int8Converter.convert(network, inputs, "t"), inputs, floats);
            assertThat(written).isEqualTo(Math.min(asTrained, equalized));
            if (network == UNBALANCED) {
                assertThat(written).as("equalization wins on the unbalanced network").isLessThan(asTrained / 10);
            }
        }
    }
}
