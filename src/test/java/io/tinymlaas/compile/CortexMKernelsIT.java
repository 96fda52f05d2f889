package io.tinymlaas.compile;

import static org.assertj.core.api.Assertions.assertThat;

import io.tinymlaas.compile.ops.RescaleTiesTest;
import io.tinymlaas.core.ProjectLayout;
import io.tinymlaas.device.BoardTarget;
import io.tinymlaas.device.TargetRun;
import io.tinymlaas.device.Targets;
import io.tinymlaas.device.board.Board;
import io.tinymlaas.device.emulator.QemuEmulator;
import io.tinymlaas.device.emulator.RunningBoard;
import io.tinymlaas.device.firmware.Firmware;
import io.tinymlaas.device.firmware.FirmwareBuilder;
import io.tinymlaas.link.BoardSession;
import io.tinymlaas.link.Chunks;
import io.tinymlaas.link.ErrorMessage;
import io.tinymlaas.link.Frame;
import io.tinymlaas.link.FrameEncoder;
import io.tinymlaas.link.FrameType;
import io.tinymlaas.link.SerialLink;
import io.tinymlaas.oracle.ReferenceInterpreter;
import io.tinymlaas.tflite.Activation;
import io.tinymlaas.tflite.OperatorOptions;
import io.tinymlaas.tflite.OperatorOptions.Padding;
import io.tinymlaas.tflite.Quantization;
import io.tinymlaas.tflite.Tensor;
import io.tinymlaas.tflite.TfliteModel;
import io.tinymlaas.tflite.TensorType;
import io.tinymlaas.tflite.TfliteWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tensorflow.lite.schema.BuiltinOperator;

/**
 * The Cortex-M CONV_2D and DEPTHWISE_CONV_2D kernels (DSP on the M4, Helium on the M55) on emulated boards, through
 * the same BoardTarget the pipeline uses, against the TF Lite 2.6 interpreter, bit for bit: seeded random models
 * that reach each of the kernels' paths (1×1, copied patch, tap by tap; four channels side by side and the rest), and
 * with FULLY_CONNECTED the rounding ties RescaleTiesTest finds.
 */
class CortexMKernelsIT {

    private static final ProjectLayout LAYOUT = ProjectLayout.find();
    private static final Targets TARGETS = new Targets(LAYOUT);
    private static final int INPUTS = 4;

    @TempDir
    Path work;

    @ParameterizedTest
    @ValueSource(strings = {"arduino_nano_33_ble_sense", "arm_mps3_an547"})
    void randomConvolutionsAreBitIdenticalToTheInterpreter(String boardId) {
        Random random = new Random(20261125);
        List<TfliteModel> models = new ArrayList<>();
        models.add(conv(random, 1, 1, 1 + random.nextInt(40), Padding.VALID));  // pointwise
        models.add(conv(random, 5, 7, 4 * (1 + random.nextInt(12)), 1, 1, 1, 1, Padding.VALID)); // pointwise, pixel pairs
        models.add(conv(random, 3, 3, 1, Padding.SAME));                        // a first layer: copied patch
        models.add(conv(random, 2, 3, 1 + random.nextInt(7), Padding.SAME));   // copied patch, odd depth
        models.add(conv(random, 3, 3, 32 + random.nextInt(9), Padding.SAME));  // K > 256: tap by tap
        models.add(depthwise(random, 1, 8 * (1 + random.nextInt(3)), Padding.SAME));
        models.add(depthwise(random, 1, 1 + random.nextInt(11), Padding.VALID));
        models.add(depthwise(random, 2, 1 + random.nextInt(6), Padding.SAME));
        models.add(conv(random, 10, 8, 1, Padding.SAME));                      // im2col, rows of whole words (DSP: widened straight)
        models.add(conv(random, 3, 2, 2, Padding.VALID));                      // the same without padding, K = 12
        models.add(conv(random, 4, 3, 1, Padding.SAME));                       // im2col, 3-byte rows
        models.add(conv(random, 5, 3, 3, Padding.VALID));                      // im2col, 9-byte rows
        models.add(conv(random, 23, 17, 1, 10, 8, 2, 2, Padding.SAME));        // stride 2, border windows on every side
        models.add(conv(random, 20, 14, 2, 3, 2, 2, 1, Padding.SAME));         // two channels, unequal strides
        models.add(conv(random, 2, 5, 4, Padding.SAME));                       // 20-byte rows: Helium past one vector
        models.add(conv(random, 1, 20, 4, Padding.SAME));                      // 80-byte rows: DSP gathers whole patches
        for (int m = 0; m < models.size(); m++) {
            assertBitIdentical(boardId, models.get(m), random, boardId + "-model" + m);
        }
    }

    /**
     * The first convolutions of the examples, with one input channel: micro_speech's 10×8 over 49×40, magic_wand's 4×3
     * over 128×3, the MobileNet-shaped model's 3×3 stride 2 over 96×96. Prints the instructions of each.
     */
    @ParameterizedTest
    @ValueSource(strings = {"arduino_nano_33_ble_sense", "arm_mps3_an547"})
    void theExamplesFirstConvolutionsAreBitIdenticalToTheInterpreter(String boardId) {
        Random random = new Random(49);
        assertBitIdentical(boardId, conv(random, 49, 40, 1, 10, 8, 1, 1, Padding.SAME, 8), random, boardId + "-micro_speech");
        assertBitIdentical(boardId, conv(random, 128, 3, 1, 4, 3, 1, 1, Padding.SAME, 8), random, boardId + "-magic_wand");
        assertBitIdentical(boardId, conv(random, 96, 96, 1, 3, 3, 2, 2, Padding.SAME, 8), random, boardId + "-mobilenet");
    }

    /**
     * Shapes of the MLPerf Tiny models that reach the Helium block paths (four pixels per pass): 3×3 over 16, 32 and
     * 64 input channels with SAME padding's edges, stride 2, output channels past one prepared batch of 32 and not a
     * multiple of four, 1×1 with stride 2, a patch just too large to gather, pairs of output channels over patches
     * and pixels that end inside a vector (K = 27 gathered, K = 24 in place), depthwise over 64 and 133 channels and
     * over rows wide enough for blocks of four pixels (stride 2 too) and a 5×5 depthwise filter with stride 3 over
     * 20 channels (the strips' path for any filter, and a last strip of four channels), ADD of two same-shaped
     * operands whose element count is not a multiple of four, and average and max pooling with SAME padding's edges,
     * a global average and depths that are not a multiple of the lanes. On the M55, whose Helium paths these are, in
     * every build; the M4's DSP paths, which the other tests here cover too, in the nightly build.
     */
    @Test
    void theMlperfShapesAreBitIdenticalToTheInterpreterOnTheM55() {
        assertMlperfShapesBitIdentical("arm_mps3_an547");
    }

    @Test
    @EnabledIfSystemProperty(named = "tinyml.profile", matches = "full")
    void theMlperfShapesAreBitIdenticalToTheInterpreterOnTheM4() {
        assertMlperfShapesBitIdentical("arduino_nano_33_ble_sense");
    }

    private void assertMlperfShapesBitIdentical(String boardId) {
        Random random = new Random(20261207);
        List<TfliteModel> models = new ArrayList<>();
        models.add(conv(random, 8, 8, 16, 3, 3, 1, 1, Padding.SAME, 16));
        models.add(conv(random, 9, 7, 32, 3, 3, 2, 2, Padding.SAME, 40));
        models.add(conv(random, 6, 5, 64, 3, 3, 1, 1, Padding.SAME, 13));
        models.add(conv(random, 5, 6, 65, 3, 3, 1, 1, Padding.SAME, 5));
        models.add(conv(random, 9, 9, 24, 1, 1, 2, 2, Padding.VALID, 33));
        models.add(conv(random, 5, 3, 20, 1, 1, 1, 1, Padding.VALID, 7));
        models.add(conv(random, 7, 6, 3, 3, 3, 1, 1, Padding.SAME, 18));
        models.add(conv(random, 6, 5, 24, 1, 1, 1, 1, Padding.VALID, 10));
        models.add(depthwise(random, 1, 64, Padding.SAME));
        models.add(depthwise(random, 1, 133, Padding.VALID));
        models.add(depthwise(random, 1, 64, 7, 12, 2, Padding.SAME));
        models.add(depthwise(random, 1, 20, 5, 9, 11, 3, Padding.SAME));
        models.add(add(random, new int[] {1, 5, 7, 19}));
        models.add(pool(random, BuiltinOperator.AVERAGE_POOL_2D, 6, 5, 21, 3, 3, 2, Padding.SAME));
        models.add(pool(random, BuiltinOperator.AVERAGE_POOL_2D, 9, 5, 64, 9, 5, 1, Padding.VALID));
        models.add(pool(random, BuiltinOperator.MAX_POOL_2D, 7, 6, 37, 2, 3, 2, Padding.SAME));
        for (int m = 0; m < models.size(); m++) {
            assertBitIdentical(boardId, models.get(m), random, boardId + "-mlperf" + m);
        }
    }

    /** A 96×96×1 input (9,216 B) and a 48×48×2 output (4,608 B): both cross the link in several frames. */
    @Test
    void aModelWhoseTensorsExceedOneFrameRunsBitIdenticallyOnTheM4() {
        Random random = new Random(96);
        TfliteModel model = conv(random, 96, 96, 1, 3, 3, 2, 2, Padding.SAME);
        assertThat(model.input().byteSize()).isGreaterThan(4096);
        assertThat(model.output().byteSize()).isGreaterThan(4092);
        assertBitIdentical("arduino_nano_33_ble_sense", model, random, "chunked");
    }

    /** Each failed transfer gets exactly one ERROR, the model does not run, and the board serves the next one. */
    @Test
    void aMissingOrCorruptChunkIsAnsweredWithOneErrorAndNothingRuns() {
        Random random = new Random(97);
        TfliteModel model = conv(random, 96, 96, 1, 3, 3, 2, 2, Padding.SAME);
        CompiledModel compiled = AotCompiler.compile(model, "00".repeat(32), "chunks.tflite");
        Board board = TARGETS.boards().byId("arduino_nano_33_ble_sense");
        QemuEmulator qemu = new QemuEmulator();
        Firmware firmware = new FirmwareBuilder(LAYOUT.firmware()).build(compiled, board, qemu.buildProfile(board), work);
        byte[] input = new byte[(int) model.input().byteSize()];
        random.nextBytes(input);
        List<byte[]> chunks = Chunks.inferFrames(input).stream().map(FrameEncoder::encode).toList();
        assertThat(chunks).hasSize(3);
        try (RunningBoard running = qemu.boot(board, firmware.elf(), Duration.ofSeconds(20));
             SerialLink link = SerialLink.open(running.serialDevice())) {
            BoardSession session = new BoardSession(link, Duration.ofSeconds(10));
            session.hello();

            link.sendRaw(chunks.get(0));
            ErrorMessage missing = session.sendExpectingError(chunks.get(2));
            assertThat(missing.code()).isEqualTo(ErrorMessage.BAD_CHUNK);
            assertThat(missing.text()).isEqualTo("chunk out of order");
            assertNothingElseArrives(link);

            byte[] corrupt = chunks.get(1).clone();
            corrupt[100] ^= 0x40;
            link.sendRaw(chunks.get(0));
            assertThat(session.sendExpectingError(corrupt).code()).isEqualTo(ErrorMessage.BAD_CRC);
            link.sendRaw(chunks.get(2));
            assertNothingElseArrives(link);

            byte[] output = session.infer(input).output();
            try (ReferenceInterpreter interpreter = ReferenceInterpreter.load(TfliteWriter.write(model), "chunks.tflite")) {
                assertThat(output).isEqualTo(interpreter.invoke(input));
            }
        }
    }

    /** A PING is answered by the very next frame: no RESULT or second ERROR was queued before it. */
    private static void assertNothingElseArrives(SerialLink link) {
        link.send(Frame.of(FrameType.PING));
        assertThat(link.receive(Duration.ofSeconds(10)).type()).isEqualTo(FrameType.PONG);
    }

    /**
     * FULLY_CONNECTED, CONV_2D and DEPTHWISE_CONV_2D (per tensor, and per channel with one tied channel of four) on the
     * scales RescaleTiesTest finds, where an accumulator lies on a rounding tie for some of the 256 int8 inputs.
     */
    @ParameterizedTest
    @ValueSource(strings = {"arduino_nano_33_ble_sense", "arm_mps3_an547"})
    void roundingTiesAreBitIdenticalToTheInterpreter(String boardId) {
        byte[] every = new byte[256];
        for (int i = 0; i < 256; i++) {
            every[i] = (byte) (i - 128);
        }
        List<TfliteModel> models = RescaleTiesTest.weightedTieModels();
        for (int m = 0; m < models.size(); m++) {
            assertBitIdentical(boardId, models.get(m), List.of(every), boardId + "-tie" + m);
        }
    }

    /**
     * The TFLM profile on the Cortex-M kernels (their single-rounding fast paths off, quant.h's double rounding on) gives
     * what our x86 build in the same profile gives, the profile's oracle; and it is in effect: the autoencoder's FULLY_CONNECTED
     * layers round differently from the 2.6 interpreter on some inputs. Convolutions and SOFTMAX ride along.
     */
    @ParameterizedTest
    @ValueSource(strings = {"arduino_nano_33_ble_sense", "arm_mps3_an547"})
    void theTflmProfileOnTheBoardAgreesWithX86(String boardId) {
        Random random = new Random(20261208);
        List<TfliteModel> models = List.of(io.tinymlaas.benchmark.PublishedShape.AD.build(7),
                conv(random, 3, 3, 8, Padding.SAME), conv(random, 1, 1, 12, Padding.VALID),
                io.tinymlaas.compile.ops.SoftmaxOperatorTest.softmax(new int[] {2, 37}, Quantization.perTensor(0.07f, 5),
                        Quantization.perTensor(1f / 256, -128), 1f));
        BoardTarget target = new BoardTarget(TARGETS.boards().byId(boardId), new QemuEmulator(), new FirmwareBuilder(LAYOUT.firmware()),
                work.resolve("tflm"));
        int differingFromTheInterpreter = 0;
        for (int m = 0; m < models.size(); m++) {
            TfliteModel model = models.get(m);
            byte[][] inputs = new byte[INPUTS][(int) model.input().byteSize()];
            for (byte[] input : inputs) {
                random.nextBytes(input);
            }
            String label = "tflm" + m;
            byte[] x86 = OperatorHarness.runCompiled(model, inputs, work, label, ArithmeticProfile.TFLM);
            TargetRun run = target.run(AotCompiler.compile(model, "00".repeat(32), label + ".tflite", ArithmeticProfile.TFLM),
                    Arrays.asList(inputs));
            int bytes = x86.length / inputs.length;
            try (ReferenceInterpreter interpreter = ReferenceInterpreter.load(TfliteWriter.write(model), label + ".tflite")) {
                for (int i = 0; i < inputs.length; i++) {
                    byte[] expected = Arrays.copyOfRange(x86, i * bytes, (i + 1) * bytes);
                    assertThat(run.outputs().get(i)).as("%s on %s, input %d", label, boardId, i).isEqualTo(expected);
                    differingFromTheInterpreter += Arrays.equals(expected, interpreter.invoke(inputs[i])) ? 0 : 1;
                }
            }
        }
        assertThat(differingFromTheInterpreter).as("inputs where the TFLM profile differs from TF Lite 2.6").isPositive();
    }

    private void assertBitIdentical(String boardId, TfliteModel model, Random random, String label) {
        List<byte[]> inputs = new ArrayList<>();
        for (int i = 0; i < INPUTS; i++) {
            byte[] input = new byte[(int) model.input().byteSize()];
            random.nextBytes(input);
            inputs.add(input);
        }
        assertBitIdentical(boardId, model, inputs, label);
    }

    private void assertBitIdentical(String boardId, TfliteModel model, List<byte[]> inputs, String label) {
        List<byte[]> expected = new ArrayList<>();
        try (ReferenceInterpreter interpreter = ReferenceInterpreter.load(TfliteWriter.write(model), label + ".tflite")) {
            for (byte[] input : inputs) {
                expected.add(interpreter.invoke(input));
            }
        }
        Board board = TARGETS.boards().byId(boardId);
        BoardTarget target = new BoardTarget(board, new QemuEmulator(), new FirmwareBuilder(LAYOUT.firmware()),
                work.resolve(label));
        TargetRun run = target.run(AotCompiler.compile(model, "00".repeat(32), label + ".tflite"), inputs);
        System.out.printf("%s: %s instructions per inference%n", label, run.instructions());
        for (int i = 0; i < inputs.size(); i++) {
            assertThat(run.outputs().get(i)).as("%s on %s, input %d: %s", label, boardId, i, OperatorHarness.describe(model))
                    .isEqualTo(expected.get(i));
        }
    }

    private static TfliteModel conv(Random random, int filterH, int filterW, int inDepth, Padding padding) {
        return conv(random, filterH + random.nextInt(8), filterW + random.nextInt(8), inDepth, filterH, filterW,
                1 + random.nextInt(2), 1 + random.nextInt(2), padding);
    }

    private static TfliteModel conv(Random random, int height, int width, int inDepth, int filterH, int filterW, int strideH,
                                    int strideW, Padding padding) {
        return conv(random, height, width, inDepth, filterH, filterW, strideH, strideW, padding, 1 + random.nextInt(11));
    }

    private static TfliteModel conv(Random random, int height, int width, int inDepth, int filterH, int filterW, int strideH,
                                    int strideW, Padding padding, int outDepth) {
        int outH = OperatorHarness.outputSize(padding, height, filterH, strideH);
        int outW = OperatorHarness.outputSize(padding, width, filterW, strideW);
        Quantization inQ = OperatorHarness.randomActivationQuantization(random);
        Tensor filter = OperatorHarness.perChannelWeights("filter", new int[] {outDepth, filterH, filterW, inDepth}, 0, random);
        Tensor bias = OperatorHarness.bias("bias", inQ, filter.quantization(), 3000, random);
        List<Tensor> tensors = List.of(OperatorHarness.activation("input", new int[] {1, height, width, inDepth}, inQ),
                filter, bias, OperatorHarness.activation("output", new int[] {1, outH, outW, outDepth},
                        OperatorHarness.randomActivationQuantization(random)));
        return OperatorHarness.singleOperator(BuiltinOperator.CONV_2D, tensors, new int[] {0, 1, 2},
                OperatorHarness.randomActivation(random), new OperatorOptions.Conv2D(padding, strideW, strideH, 1, 1));
    }

    private static TfliteModel add(Random random, int[] shape) {
        byte[] constant = new byte[Arrays.stream(shape).reduce(1, (a, b) -> a * b)];
        random.nextBytes(constant);
        List<Tensor> tensors = List.of(OperatorHarness.activation("input", shape, OperatorHarness.randomActivationQuantization(random)),
                new Tensor("other", TensorType.INT8, shape, OperatorHarness.randomActivationQuantization(random), constant),
                OperatorHarness.activation("output", shape, OperatorHarness.randomActivationQuantization(random)));
        return OperatorHarness.singleOperator(BuiltinOperator.ADD, tensors, new int[] {0, 1},
                OperatorHarness.randomActivation(random), new OperatorOptions.Add());
    }

    private static TfliteModel pool(Random random, int opcode, int height, int width, int depth, int filterH, int filterW,
                                    int stride, Padding padding) {
        Quantization q = OperatorHarness.randomActivationQuantization(random);
        int outH = OperatorHarness.outputSize(padding, height, filterH, stride);
        int outW = OperatorHarness.outputSize(padding, width, filterW, stride);
        List<Tensor> tensors = List.of(OperatorHarness.activation("input", new int[] {1, height, width, depth}, q),
                OperatorHarness.activation("output", new int[] {1, outH, outW, depth}, q));
        return OperatorHarness.singleOperator(opcode, tensors, new int[] {0}, OperatorHarness.randomActivation(random),
                new OperatorOptions.Pool2D(padding, stride, stride, filterW, filterH));
    }

    private static TfliteModel depthwise(Random random, int multiplier, int inDepth, Padding padding) {
        int stride = 1 + random.nextInt(2);
        int height = 3 + random.nextInt(8);
        return depthwise(random, multiplier, inDepth, height, 3 + random.nextInt(8), stride, padding);
    }

    private static TfliteModel depthwise(Random random, int multiplier, int inDepth, int height, int width, int stride,
                                         Padding padding) {
        return depthwise(random, multiplier, inDepth, 3, height, width, stride, padding);
    }

    private static TfliteModel depthwise(Random random, int multiplier, int inDepth, int filter, int height, int width,
                                         int stride, Padding padding) {
        int outDepth = inDepth * multiplier;
        int outH = OperatorHarness.outputSize(padding, height, filter, stride);
        int outW = OperatorHarness.outputSize(padding, width, filter, stride);
        Quantization inQ = OperatorHarness.randomActivationQuantization(random);
        Tensor weights = OperatorHarness.perChannelWeights("filter", new int[] {1, filter, filter, outDepth}, 3, random);
        Tensor bias = OperatorHarness.bias("bias", inQ, weights.quantization(), 3000, random);
        List<Tensor> tensors = List.of(OperatorHarness.activation("input", new int[] {1, height, width, inDepth}, inQ),
                weights, bias, OperatorHarness.activation("output", new int[] {1, outH, outW, outDepth},
                        OperatorHarness.randomActivationQuantization(random)));
        Activation activation = OperatorHarness.randomActivation(random);
        return OperatorHarness.singleOperator(BuiltinOperator.DEPTHWISE_CONV_2D, tensors, new int[] {0, 1, 2}, activation,
                new OperatorOptions.DepthwiseConv2D(padding, stride, stride, multiplier, 1, 1));
    }
}
