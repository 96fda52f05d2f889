package io.tinymlaas.convert;

import static io.tinymlaas.convert.RandomWeights.randomMatrix;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tinymlaas.tflite.Operator;
import io.tinymlaas.tflite.Quantization;
import io.tinymlaas.tflite.Tensor;
import io.tinymlaas.tflite.TensorType;
import io.tinymlaas.tflite.TfliteModel;
import io.tinymlaas.tflite.TfliteWriter;
import io.tinymlaas.train.DenseLayer;
import io.tinymlaas.train.LstmNetwork;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

public class LstmInt8ConverterTest {

    /** 6 steps of 4 features, 5 cells, 3 classes, random weights of a trained network's size. */
    public static LstmNetwork randomNetwork(Random random) {
        int steps = 6;
        int features = 4;
        int cells = 5;
        float[][][] wx = new float[4][][];
        float[][][] wh = new float[4][][];
        float[][] b = new float[4][];
        for (int g = 0; g < 4; g++) {
            wx[g] = randomMatrix(cells, features, 0.6, random);
            wh[g] = randomMatrix(cells, cells, 0.4, random);
            b[g] = randomMatrix(1, cells, 0.3, random)[0];
        }
        DenseLayer dense = new DenseLayer(randomMatrix(3, steps * cells, 0.5, random), randomMatrix(1, 3, 0.1, random)[0], false);
        return new LstmNetwork(steps, features, wx, wh, b, dense);
    }

    public static float[][] randomInputs(int n, Random random) {
        float[][] inputs = new float[n][24];
        for (float[] input : inputs) {
            for (int i = 0; i < input.length; i++) {
                input[i] = (float) random.nextDouble();
            }
        }
        return inputs;
    }

    @Test
    void theConvertedLstmFollowsTheInterpretersIntegerSpecAndAgreesWithTheFloatNetwork() {
        Random random = new Random(12);
        LstmNetwork network = randomNetwork(random);
        TfliteModel model = LstmInt8Converter.convert(network, randomInputs(200, random), "lstm test");

        assertThat(model.operators()).extracting(Operator::name)
                .containsExactly("UNIDIRECTIONAL_SEQUENCE_LSTM", "FULLY_CONNECTED", "SOFTMAX");
        assertThat(model.input().shape()).containsExactly(6, 1, 4);
        Operator lstm = model.operators().get(0);
        assertThat(lstm.inputs()).hasSize(24);
        for (int absent : new int[] {9, 10, 11, 16, 17, 20, 21, 22, 23}) {
            assertThat(lstm.inputs()[absent]).as("input %d", absent).isEqualTo(-1);
        }
        Tensor outputState = model.tensor(lstm.inputs()[18]);
        Tensor cellState = model.tensor(lstm.inputs()[19]);
        assertThat(outputState.variable()).isTrue();
        assertThat(cellState.variable()).isTrue();
        assertThat(cellState.type()).isEqualTo(TensorType.INT16);
        float cellScale = cellState.quantization().scale();
        assertThat(Math.scalb(1f, Math.getExponent(cellScale))).isEqualTo(cellScale);
        assertThat(Math.getExponent(cellScale)).isLessThanOrEqualTo(-9);
        assertThat(lstm.intermediates()).hasSize(5);
        for (int g = 0; g < 4; g++) {
            assertThat(model.tensor(lstm.intermediates()[g]).quantization().scale()).isEqualTo(0x1p-12f);
        }
        Quantization hidden = model.tensor(lstm.intermediates()[4]).quantization();
        assertThat(hidden.scale()).isEqualTo(outputState.quantization().scale());
        assertThat(hidden.zeroPoint()).isZero();
        assertThat(model.tensor(lstm.outputs()[0]).quantization()).isEqualTo(outputState.quantization());
        assertThat(model.output().quantization().scale()).isEqualTo(1f / 256);

        byte[] bytes = TfliteWriter.write(model);
        assertThat(ReferenceAgreement.worstOutputError(model, bytes, network,
                List.of(randomInputs(50, random)), "lstm test")).isCloseTo(0, within(0.05));
    }

    @Test
    void theCellScaleIsTheSmallestPowerOfTwoThatHoldsTheLargestCellButAtMostTwoToTheMinus9() {
        assertThat(LstmInt8Converter.cellScaleLog2(3.0)).isEqualTo(-13);
        assertThat(32767 * Math.scalb(1.0, -13)).isGreaterThanOrEqualTo(3.0);
        assertThat(32767 * Math.scalb(1.0, -14)).isLessThan(3.0);
        assertThat(LstmInt8Converter.cellScaleLog2(1000.0)).isEqualTo(-9);
    }
}
