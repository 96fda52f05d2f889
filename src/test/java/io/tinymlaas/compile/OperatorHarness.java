package io.tinymlaas.compile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.tinymlaas.core.HostProcess;
import io.tinymlaas.core.TinymlException;
import io.tinymlaas.oracle.ReferenceInterpreter;
import io.tinymlaas.tflite.Activation;
import io.tinymlaas.tflite.Operator;
import io.tinymlaas.tflite.OperatorOptions;
import io.tinymlaas.tflite.Quantization;
import io.tinymlaas.tflite.Tensor;
import io.tinymlaas.tflite.TensorType;
import io.tinymlaas.tflite.TfliteModel;
import io.tinymlaas.tflite.TfliteWriter;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.tensorflow.lite.schema.BuiltinOperator;

/**
 * Differential test of one operator: a single-operator int8 model built through our IR is run by the TFLite 2.6
 * interpreter and, compiled by {@link AotCompiler} and built with the host gcc (sanitizers on), by our C kernels,
 * on the same random inputs; every output byte must be identical.
 */
public final class OperatorHarness {

    public static final Path FIRMWARE = Path.of("firmware").toAbsolutePath();

    /** Sanitizers make any out-of-bounds access or signed overflow in a kernel fail the test. */
    private static final List<String> CFLAGS = List.of("-std=c99", "-O1", "-fsanitize=address,undefined",
            "-fno-sanitize-recover=all", "-Wall", "-Wextra", "-Werror");

    private OperatorHarness() {
    }

    /**
     * Runs {@code cases} random inputs (seeded by {@code random}) through the interpreter and our C, asserting the
     * outputs are byte-for-byte equal. Returns the number of cases compared.
     */
    public static int assertBitExact(TfliteModel model, int cases, Random random, Path dir, String label) {
        byte[][] inputs = new byte[cases][bytes(model.inputTensors())];
        for (byte[] input : inputs) {
            random.nextBytes(input);
        }
        return assertBitExact(model, inputs, dir, label);
    }

    /** {@link #assertBitExact(TfliteModel, int, Random, Path, String)} on chosen inputs. */
    public static int assertBitExact(TfliteModel model, byte[][] inputs, Path dir, String label) {
        int cases = inputs.length;
        int outputBytes = bytes(model.outputTensors());
        byte[][] expected = new byte[cases][];
        try (ReferenceInterpreter interpreter = ReferenceInterpreter.load(TfliteWriter.write(model), label + ".tflite")) {
            for (int c = 0; c < cases; c++) {
                expected[c] = interpreter.invoke(inputs[c]);
            }
        }
        byte[] actual = runCompiled(model, inputs, dir, label);
        assertThat(actual.length).as("%s: output bytes of %d inferences", label, cases).isEqualTo(cases * outputBytes);
        for (int c = 0; c < cases; c++) {
            byte[] got = Arrays.copyOfRange(actual, c * outputBytes, (c + 1) * outputBytes);
            if (!Arrays.equals(got, expected[c])) {
                int at = Arrays.mismatch(got, expected[c]);
                fail("%s: case %d of %d differs first at output byte %d (interpreter %d, ours %d)%n  model: %s%n  input:    %s%n"
                                + "  expected: %s%n  actual:   %s", label, c, cases, at, expected[c][at], got[at], describe(model),
                        Arrays.toString(inputs[c]), Arrays.toString(expected[c]), Arrays.toString(got));
            }
        }
        return cases;
    }

    /** Every tensor's bytes together: a model's inputs (outputs) one after the other, as the compiled model takes them. */
    private static int bytes(List<Tensor> tensors) {
        return (int) tensors.stream().mapToLong(Tensor::byteSize).sum();
    }

    /** Float outputs must be within this relative difference of the interpreter's (see {@link #assertClose}). */
    public static final double FLOAT_TOLERANCE = 1e-5;

    /**
     * The float32 counterpart of {@link #assertBitExact}: random inputs uniform in [-inputRange, inputRange) (random bytes
     * for an int8 input), and every float output within {@link #FLOAT_TOLERANCE} of the interpreter's, relative to
     * max(|reference|, 1): relative for outputs of magnitude one and more, absolute below, where a different summation
     * order may cancel to a tiny value. int8 outputs must be identical. Returns the largest difference seen, so tests can
     * also assert where ours is exact.
     */
    public static double assertClose(TfliteModel model, int cases, Random random, Path dir, String label, float inputRange) {
        byte[] tflite = TfliteWriter.write(model);
        boolean floatInput = model.input().type() == TensorType.FLOAT32;
        boolean floatOutput = model.output().type() == TensorType.FLOAT32;
        int inputBytes = (int) model.input().byteSize();
        int outputBytes = (int) model.output().byteSize();
        byte[][] inputs = new byte[cases][];
        byte[][] expected = new byte[cases][];
        try (ReferenceInterpreter interpreter = ReferenceInterpreter.load(tflite, label + ".tflite")) {
            for (int c = 0; c < cases; c++) {
                if (floatInput) {
                    ByteBuffer values = ByteBuffer.allocate(inputBytes).order(ByteOrder.LITTLE_ENDIAN);
                    while (values.hasRemaining()) {
                        values.putFloat((random.nextFloat() * 2 - 1) * inputRange);
                    }
                    inputs[c] = values.array();
                } else {
                    inputs[c] = new byte[inputBytes];
                    random.nextBytes(inputs[c]);
                }
                expected[c] = interpreter.invoke(inputs[c]);
            }
        }
        byte[] actual = runCompiled(model, inputs, dir, label);
        assertThat(actual.length).as("%s: output bytes of %d inferences", label, cases).isEqualTo(cases * outputBytes);
        double worst = 0;
        for (int c = 0; c < cases; c++) {
            byte[] got = Arrays.copyOfRange(actual, c * outputBytes, (c + 1) * outputBytes);
            if (!floatOutput) {
                assertThat(got).as("%s: case %d (int8 output)", label, c).isEqualTo(expected[c]);
                continue;
            }
            ByteBuffer ours = ByteBuffer.wrap(got).order(ByteOrder.LITTLE_ENDIAN);
            ByteBuffer reference = ByteBuffer.wrap(expected[c]).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < outputBytes / 4; i++) {
                float o = ours.getFloat(4 * i);
                float r = reference.getFloat(4 * i);
                double difference = Math.abs((double) o - r) / Math.max(Math.abs((double) r), 1.0);
                if (!(difference <= FLOAT_TOLERANCE)) {
                    fail("%s: case %d of %d, output %d: interpreter %s, ours %s (relative difference %.3g > %.0g)%n  model: %s",
                            label, c, cases, i, r, o, difference, FLOAT_TOLERANCE, describe(model));
                }
                worst = Math.max(worst, difference);
            }
        }
        return worst;
    }

    /** Compiles the model to C, builds it with the x86 host runner and all reference kernels, and runs the inputs through it. */
    public static byte[] runCompiled(TfliteModel model, byte[][] inputs, Path dir, String label) {
        return runCompiled(model, inputs, dir, label, ArithmeticProfile.TFLITE_2_6);
    }

    /** {@link #runCompiled(TfliteModel, byte[][], Path, String)} compiled and built for another arithmetic profile. */
    public static byte[] runCompiled(TfliteModel model, byte[][] inputs, Path dir, String label, ArithmeticProfile profile) {
        try {
            Path work = Files.createDirectories(dir.resolve(label.replaceAll("[^A-Za-z0-9_.-]", "_")));
            CompiledModel compiled = AotCompiler.compile(model, "00", label + ".tflite", profile);
            compiled.writeTo(work);
            Path runner = work.resolve("runner");
            List<String> gcc = new ArrayList<>(List.of("gcc"));
            gcc.addAll(CFLAGS);
            gcc.addAll(defines(profile));
            gcc.addAll(List.of("-I" + FIRMWARE.resolve("include"), "-I" + work));
            gcc.addAll(kernelObjects(profile));
            gcc.addAll(List.of(work.resolve(CompiledModel.SOURCE).toString(),
                    FIRMWARE.resolve("targets/x86/main.c").toString(), "-o", runner.toString(), "-lm"));
            host(label + ": building the compiled model", gcc, null, work);
            Path stdin = work.resolve("inputs.bin");
            Files.write(stdin, concat(inputs));
            return host(label + ": running the compiled model", List.of(runner.toString()), stdin, work);
        } catch (IOException e) {
            throw new AssertionError(label + ": " + e.getMessage(), e);
        }
    }

    private static final java.util.Map<ArithmeticProfile, List<String>> KERNEL_OBJECTS = new java.util.EnumMap<>(ArithmeticProfile.class);

    private static List<String> defines(ArithmeticProfile profile) {
        return profile.cDefines().stream().map(d -> "-D" + d).toList();
    }

    /** The reference kernels, compiled once per profile and test JVM (they do not depend on the model). */
    private static synchronized List<String> kernelObjects(ArithmeticProfile profile) throws IOException {
        List<String> kernelObjects = KERNEL_OBJECTS.get(profile);
        if (kernelObjects == null) {
            Path objects = Files.createTempDirectory("tinyml-kernels");
            // deleteOnExit runs in reverse order: the objects first, then their (then empty) directory.
            objects.toFile().deleteOnExit();
            List<String> gcc = new ArrayList<>(List.of("gcc"));
            gcc.addAll(CFLAGS);
            gcc.addAll(defines(profile));
            gcc.addAll(List.of("-I" + FIRMWARE.resolve("include"), "-c"));
            List<Path> sources;
            try (Stream<Path> kernels = Files.list(FIRMWARE.resolve("kernels/ref"))) {
                sources = kernels.filter(p -> p.toString().endsWith(".c")).sorted().toList();
            }
            sources.forEach(p -> gcc.add(p.toString()));
            host("building the reference kernels", gcc, null, objects);
            List<String> result = new ArrayList<>();
            for (Path source : sources) {
                String object = source.getFileName().toString().replaceAll("\\.c$", ".o");
                Path path = objects.resolve(object);
                path.toFile().deleteOnExit();
                result.add(path.toString());
            }
            kernelObjects = List.copyOf(result);
            KERNEL_OBJECTS.put(profile, kernelObjects);
        }
        return kernelObjects;
    }

    private static byte[] host(String what, List<String> command, Path stdin, Path directory) throws IOException {
        try {
            return HostProcess.run(command, stdin, directory);
        } catch (TinymlException e) {
            throw new AssertionError(what + ": " + e.getMessage(), e);
        }
    }

    private static byte[] concat(byte[][] parts) {
        int total = 0;
        for (byte[] part : parts) {
            total += part.length;
        }
        byte[] all = new byte[total];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }

    public static String describe(TfliteModel model) {
        StringBuilder text = new StringBuilder();
        for (Operator op : model.operators()) {
            text.append(op.name()).append(' ').append(op.fusedActivation()).append(' ').append(op.options()).append(';');
        }
        for (Tensor t : model.tensors()) {
            text.append(" ").append(t.name()).append(Arrays.toString(t.shape()));
            Quantization q = t.quantization();
            if (q != null) {
                text.append(q.perChannel() ? "(" + q.scales().length + " channel scales, dim " + q.dimension() + ")"
                        : "(scale " + q.scale() + ", zp " + q.zeroPoint() + ")");
            }
        }
        return text.toString();
    }

    // --- building random single-operator models -----------------------------------------------------------------

    /** A random activation quantization: scale in [0.005, 0.2), zero point in [-100, 100]. */
    public static Quantization randomActivationQuantization(Random random) {
        float scale = (float) (0.005 + random.nextDouble() * 0.195);
        return Quantization.perTensor(scale, random.nextInt(201) - 100);
    }

    public static Tensor activation(String name, int[] shape, Quantization q) {
        return new Tensor(name, TensorType.INT8, shape, q, null);
    }

    public static Tensor floatActivation(String name, int[] shape) {
        return new Tensor(name, TensorType.FLOAT32, shape, null, null);
    }

    /** A constant float32 tensor with values uniform in [-range, range). */
    public static Tensor floatConstant(String name, int[] shape, float range, Random random) {
        long count = 1;
        for (int d : shape) {
            count *= d;
        }
        ByteBuffer data = ByteBuffer.allocate((int) count * 4).order(ByteOrder.LITTLE_ENDIAN);
        while (data.hasRemaining()) {
            data.putFloat((random.nextFloat() * 2 - 1) * range);
        }
        return new Tensor(name, TensorType.FLOAT32, shape, null, data.array());
    }

    /** Random int8 weights in [-127, 127], symmetric per-channel along {@code dimension}, scales in [0.002, 0.05). */
    public static Tensor perChannelWeights(String name, int[] shape, int dimension, Random random) {
        int channels = shape[dimension];
        float[] scales = new float[channels];
        for (int c = 0; c < channels; c++) {
            scales[c] = (float) (0.002 + random.nextDouble() * 0.048);
        }
        long count = 1;
        for (int d : shape) {
            count *= d;
        }
        byte[] data = new byte[(int) count];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (random.nextInt(255) - 127);
        }
        return new Tensor(name, TensorType.INT8, shape, new Quantization(scales, new long[channels], dimension), data);
    }

    /** An int32 bias per output channel with scale input_scale × weight_scale[c] and values in ±{@code magnitude}. */
    public static Tensor bias(String name, Quantization input, Quantization weights, int magnitude, Random random) {
        int channels = weights.scales().length;
        float[] scales = new float[channels];
        ByteBuffer data = ByteBuffer.allocate(channels * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int c = 0; c < channels; c++) {
            scales[c] = input.scale() * weights.scales()[c];
            data.putInt(random.nextInt(2 * magnitude + 1) - magnitude);
        }
        return new Tensor(name, TensorType.INT32, new int[] {channels}, new Quantization(scales, new long[channels], 0),
                data.array());
    }

    public static Activation randomActivation(Random random) {
        return List.of(Activation.NONE, Activation.RELU, Activation.RELU6).get(random.nextInt(3));
    }

    public static TfliteModel singleOperator(int opcode, List<Tensor> tensors, int[] inputs, Activation activation,
                                      OperatorOptions options) {
        int output = tensors.size() - 1;
        Operator op = new Operator(opcode, BuiltinOperator.name(opcode), inputs, new int[] {output}, activation, options);
        return new TfliteModel("harness", tensors, List.of(op), new int[] {0}, new int[] {output});
    }

    /** The model with tensor {@code index}'s quantized_dimension set to {@code axis}, its scales and zero points kept. */
    public static TfliteModel withQuantizationAxis(TfliteModel model, int index, int axis) {
        List<Tensor> tensors = new ArrayList<>(model.tensors());
        Tensor tensor = tensors.get(index);
        Quantization q = tensor.quantization();
        tensors.set(index, new Tensor(tensor.name(), tensor.type(), tensor.shape(),
                new Quantization(q.scales(), q.zeroPoints(), axis), tensor.data(), tensor.variable()));
        return new TfliteModel(model.description(), tensors, model.operators(), model.inputs(), model.outputs());
    }

    /** TFLite's output size of a windowed operator. */
    public static int outputSize(OperatorOptions.Padding padding, int in, int filter, int stride) {
        return padding == OperatorOptions.Padding.SAME ? (in + stride - 1) / stride : (in - filter + stride) / stride;
    }
}
