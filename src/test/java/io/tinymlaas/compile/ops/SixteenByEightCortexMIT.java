package io.tinymlaas.compile.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.tinymlaas.compile.AotCompiler;
import io.tinymlaas.compile.OperatorHarness;
import io.tinymlaas.core.ProjectLayout;
import io.tinymlaas.device.BoardTarget;
import io.tinymlaas.device.TargetRun;
import io.tinymlaas.device.Targets;
import io.tinymlaas.device.board.Board;
import io.tinymlaas.device.emulator.QemuEmulator;
import io.tinymlaas.device.firmware.FirmwareBuilder;
import io.tinymlaas.oracle.ReferenceInterpreter;
import io.tinymlaas.tflite.Activation;
import io.tinymlaas.tflite.Operator;
import io.tinymlaas.tflite.OperatorOptions;
import io.tinymlaas.tflite.OperatorOptions.Padding;
import io.tinymlaas.tflite.Quantization;
import io.tinymlaas.tflite.Tensor;
import io.tinymlaas.tflite.TensorType;
import io.tinymlaas.tflite.TfliteModel;
import io.tinymlaas.tflite.TfliteWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.lite.schema.BuiltinOperator;

/**
 * The 16x8 kernels on an emulated Cortex-M4 (the Nano 33 BLE Sense in QEMU), through the BoardTarget the pipeline
 * uses: a CONV_2D followed by a FULLY_CONNECTED, int16 in and out, bit for bit against the TF Lite 2.6 interpreter.
 */
class SixteenByEightCortexMIT {

    private static final ProjectLayout LAYOUT = ProjectLayout.find();
    private static final int INPUTS = 4;

    @TempDir
    Path work;

    @Test
    void aConvolutionAndAFullyConnectedLayerInInt16AreBitIdenticalOnTheM4() {
        Random random = new Random(1608);
        TfliteModel model = convThenFullyConnected(random);
        List<byte[]> inputs = new ArrayList<>();
        List<byte[]> expected = new ArrayList<>();
        try (ReferenceInterpreter interpreter = ReferenceInterpreter.load(TfliteWriter.write(model), "conv_fc16.tflite")) {
            for (int i = 0; i < INPUTS; i++) {
                byte[] input = new byte[(int) model.input().byteSize()];
                random.nextBytes(input);
                inputs.add(input);
                expected.add(interpreter.invoke(input));
            }
        }
        Board board = new Targets(LAYOUT).boards().byId("arduino_nano_33_ble_sense");
        BoardTarget target = new BoardTarget(board, new QemuEmulator(), new FirmwareBuilder(LAYOUT.firmware()), work);
        TargetRun run = target.run(AotCompiler.compile(model, "00".repeat(32), "conv_fc16.tflite"), inputs);
        for (int i = 0; i < INPUTS; i++) {
            assertThat(run.outputs().get(i)).as("input %d: %s", i, OperatorHarness.describe(model)).isEqualTo(expected.get(i));
        }
    }

    /** int16 [1, 9, 9, 3] → CONV_2D 3×3 stride 2, 8 channels, RELU → FULLY_CONNECTED to 10 values, int16 throughout. */
    private static TfliteModel convThenFullyConnected(Random random) {
        Quantization inQ = SixteenByEightOperatorTest.int16Quantization(random);
        Quantization convQ = SixteenByEightOperatorTest.int16Quantization(random);
        Tensor filter = OperatorHarness.perChannelWeights("filter", new int[] {8, 3, 3, 3}, 0, random);
        Tensor weights = OperatorHarness.perChannelWeights("weights", new int[] {10, 4 * 4 * 8}, 0, random);
        Quantization perTensor = Quantization.perTensor(weights.quantization().scales()[0], 0);
        List<Tensor> tensors = List.of(
                SixteenByEightOperatorTest.int16("input", new int[] {1, 9, 9, 3}, inQ),
                filter,
                SixteenByEightOperatorTest.int64Bias("conv_bias", inQ, filter.quantization(), 8, 1L << 32, random),
                SixteenByEightOperatorTest.int16("conv", new int[] {1, 4, 4, 8}, convQ),
                new Tensor("weights", TensorType.INT8, weights.shape(), perTensor, weights.data()),
                SixteenByEightOperatorTest.int64Bias("fc_bias", convQ, perTensor, 10, 1L << 32, random),
                SixteenByEightOperatorTest.int16("output", new int[] {1, 10}, SixteenByEightOperatorTest.int16Quantization(random)));
        List<Operator> operators = List.of(
                new Operator(BuiltinOperator.CONV_2D, "CONV_2D", new int[] {0, 1, 2}, new int[] {3}, Activation.RELU,
                        new OperatorOptions.Conv2D(Padding.VALID, 2, 2, 1, 1)),
                new Operator(BuiltinOperator.FULLY_CONNECTED, "FULLY_CONNECTED", new int[] {3, 4, 5}, new int[] {6},
                        Activation.NONE, OperatorOptions.NONE));
        return new TfliteModel("conv_fc16", tensors, operators, new int[] {0}, new int[] {6});
    }
}
