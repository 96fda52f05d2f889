package io.tinymlaas.compile;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.flatbuffers.Table;
import io.tinymlaas.compile.ops.ConvOperatorTest;
import io.tinymlaas.compile.ops.DepthwiseConvOperatorTest;
import io.tinymlaas.compile.ops.PoolOperatorTest;
import io.tinymlaas.compile.ops.SoftmaxOperatorTest;
import io.tinymlaas.core.TinymlException;
import io.tinymlaas.tflite.Activation;
import io.tinymlaas.tflite.OperatorOptions.Padding;
import io.tinymlaas.tflite.Quantization;
import io.tinymlaas.tflite.SampleModels;
import io.tinymlaas.tflite.Tensor;
import io.tinymlaas.tflite.TensorType;
import io.tinymlaas.tflite.TfliteModel;
import io.tinymlaas.tflite.TfliteReader;
import io.tinymlaas.tflite.TfliteWriter;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.lite.schema.BuiltinOptions;
import org.tensorflow.lite.schema.Model;
import org.tensorflow.lite.schema.QuantizationParameters;
import org.tensorflow.lite.schema.SubGraph;

/**
 * Fuzzes the reader and the compiler with malformed .tflite files: seeded bit flips, byte overwrites, truncations,
 * corruptions aimed at one field (vector lengths, buffer indices, shapes, scales, zero points, operator indices and
 * options) and valid-but-extreme models (bias, weights, scales at their limits), made from small valid models: the
 * hello_world-like dense model, single CONV_2D, DEPTHWISE_CONV_2D, AVERAGE/MAX_POOL_2D and SOFTMAX models from the
 * operator tests, and a hand-built CONV → MAX_POOL → RESHAPE → FULLY_CONNECTED → SOFTMAX chain.
 *
 * <p>Every case must either be refused by {@link TfliteReader} or {@link AotCompiler} with a {@link TinymlException}
 * whose message starts with the file name, or compile to C that, built with gcc and ASan/UBSan (no recovery) on the
 * host, runs on random inputs without a sanitizer report; where the TFLite reference interpreter (in a child JVM, so
 * that its native code cannot crash this one) also accepts the model, the outputs must agree bit for bit.
 *
 * <p>{@code -Dtinyml.fuzz.cases=N} sets the number of cases (default 300, about half a minute), {@code -Dtinyml.fuzz.seed}
 * the seed. Cases that fail are kept in target/tinyml/fuzz/ to reproduce them.
 */
class MalformedModelFuzzTest {

    static final int CASES = Integer.getInteger("tinyml.fuzz.cases", 300);
    static final long SEED = Long.getLong("tinyml.fuzz.seed", 20261125L);
    private static final int INPUTS = 8;
    private static final long MAX_RUNNABLE_BYTES = 16L << 20;
    private static final Path FINDINGS = Path.of("target/tinyml/fuzz").toAbsolutePath();
    private static final List<String> CFLAGS = List.of("-std=c99", "-O1", "-g0", "-fsanitize=address,undefined",
            "-fno-sanitize-recover=all", "-w");

    @TempDir
    Path dir;

    record Base(String name, byte[] bytes) {
    }

    record Mutant(int index, String name, String base, String mutation, byte[] bytes) {
    }

    /** A mutant that compiled: its C (built once per distinct source) and, later, both sides' outputs. */
    static final class Accepted {
        final Mutant mutant;
        final CompiledModel compiled;
        int program = -1;
        byte[] inputs;
        byte[] ours;
        byte[] reference;
        String referenceRefusal;

        Accepted(Mutant mutant, CompiledModel compiled) {
            this.mutant = mutant;
            this.compiled = compiled;
        }
    }

    /**
     * Bugs this test found in code it may not change, reported to its owners: a failure or disagreement that matches
     * one is printed as KNOWN instead of failing the test, so that anything new still fails it. Run with
     * {@code -Dtinyml.fuzz.strict=true} to fail on these too (and drop an entry once its bug is fixed).
     */
    record KnownBug(String id, String pattern, String explanation) {
        boolean matches(String failure) {
            return java.util.regex.Pattern.compile(pattern).matcher(failure).find();
        }
    }

    static final List<KnownBug> KNOWN_BUGS = List.of(
            new KnownBug("tflite-oversized-pool-window", "pool window more than twice its input",
                    "TFLite 2.6's, not ours: for a pool window far larger than its input (fuzz-0241-avgpool, seed 99: SAME, filter "
                            + "height 1048578 over 2 rows), the reference's second output row is wrong; ours equals the reference's "
                            + "output for the equivalent windows of height 3 and 4, which cover the same rows"));

    private static final boolean STRICT = Boolean.getBoolean("tinyml.fuzz.strict");

    private final List<String> known = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();
    private final List<String> disagreements = new ArrayList<>();
    private final Map<String, Integer> outcomes = new TreeMap<>();
    private final Map<String, Integer> referenceRefusals = new TreeMap<>();
    private final Map<String, String> refusalExamples = new HashMap<>();

    @Test
    void everyMalformedModelIsRefusedClearlyOrRunsCleanAndAgreesWithTheReference() throws Exception {
        long start = System.nanoTime();
        List<Base> bases = bases();
        List<Accepted> accepted = new ArrayList<>();
        ExecutorService executor = Executors.newSingleThreadExecutor(daemon());
        try {
            for (Base base : bases) {
                Accepted a = readAndCompile(new Mutant(-1, "base-" + base.name() + ".tflite", base.name(), "unmutated", base.bytes()),
                        executor);
                assertThat(a).as("the unmutated %s model compiles", base.name()).isNotNull();
                accepted.add(a);
            }
            for (int i = 0; i < CASES; i++) {
                Base base = bases.get(i % bases.size());
                Mutant mutant = mutate(i, base, new Random(SEED * 1_000_003L + i));
                Accepted a = readAndCompile(mutant, executor);
                if (a == null && executor.isShutdown()) {
                    executor = Executors.newSingleThreadExecutor(daemon());
                }
                if (a != null) {
                    accepted.add(a);
                }
            }
        } finally {
            executor.shutdownNow();
        }
        runOurs(accepted);
        runReference(accepted);
        compare(accepted);

        System.out.printf("MalformedModelFuzzTest: %d cases (seed %d) in %.1f s: %s%n", CASES, SEED,
                (System.nanoTime() - start) / 1e9, outcomes);
        referenceRefusals.forEach((reason, n) -> System.out.println("  we accept, the reference refuses (" + n + "x): " + reason
                + "; e.g. " + refusalExamples.get(reason)));
        known.forEach(k -> System.out.println("  KNOWN BUG " + k));
        disagreements.forEach(d -> System.out.println("  DISAGREES WITH THE REFERENCE: " + d));
        failures.forEach(f -> System.out.println("  FAILURE: " + f));
        assertThat(failures).as("fuzz failures (mutants kept in %s)", FINDINGS).isEmpty();
        assertThat(disagreements).as("mutants both we and the reference accept but that differ (kept in %s)", FINDINGS).isEmpty();
    }

    // --- the valid models mutated -------------------------------------------------------------------------------------

    static List<Base> bases() {
        Random random = new Random(77);
        Quantization softmaxIn = Quantization.perTensor(0.1f, 3);
        List<Base> bases = new ArrayList<>();
        bases.add(new Base("dense", TfliteWriter.write(SampleModels.tinyDense())));
        bases.add(new Base("conv", TfliteWriter.write(ConvOperatorTest.randomConv(random, Padding.SAME, Activation.RELU))));
        bases.add(new Base("depthwise", TfliteWriter.write(
                DepthwiseConvOperatorTest.randomDepthwise(random, Padding.VALID, Activation.RELU6, 2, 3, 2, 2))));
        bases.add(new Base("avgpool", TfliteWriter.write(PoolOperatorTest.randomPool(
                org.tensorflow.lite.schema.BuiltinOperator.AVERAGE_POOL_2D, random, Padding.SAME, Activation.NONE, 2, 3))));
        bases.add(new Base("maxpool", TfliteWriter.write(PoolOperatorTest.randomPool(
                org.tensorflow.lite.schema.BuiltinOperator.MAX_POOL_2D, random, Padding.VALID, Activation.RELU, 2, 2))));
        bases.add(new Base("cnn", TfliteWriter.write(io.tinymlaas.cli.HandBuiltModels.smallCnn())));
        bases.add(new Base("softmax", TfliteWriter.write(
                SoftmaxOperatorTest.softmax(new int[] {1, 10}, softmaxIn, SoftmaxOperatorTest.SPEC_OUTPUT, 1f))));
        return bases;
    }

    // --- mutations ----------------------------------------------------------------------------------------------------

    static Mutant mutate(int index, Base base, Random random) {
        byte[] bytes = base.bytes().clone();
        String mutation;
        int kind = random.nextInt(100);
        if (kind < 25) {
            int flips = 1 + random.nextInt(4);
            StringBuilder what = new StringBuilder("bit flips at");
            for (int f = 0; f < flips; f++) {
                int at = random.nextInt(10) == 0 ? random.nextInt(8) : 8 + random.nextInt(bytes.length - 8);
                int bit = random.nextInt(8);
                bytes[at] ^= (byte) (1 << bit);
                what.append(' ').append(at).append('.').append(bit);
            }
            mutation = what.toString();
        } else if (kind < 35) {
            int count = 1 + random.nextInt(3);
            StringBuilder what = new StringBuilder("bytes set:");
            for (int f = 0; f < count; f++) {
                int at = random.nextInt(bytes.length);
                byte value = switch (random.nextInt(3)) {
                    case 0 -> 0;
                    case 1 -> (byte) 0xff;
                    default -> (byte) random.nextInt(256);
                };
                bytes[at] = value;
                what.append(' ').append(at).append('=').append(value & 0xff);
            }
            mutation = what.toString();
        } else if (kind < 45) {
            int length = random.nextInt(bytes.length);
            bytes = Arrays.copyOf(bytes, length);
            mutation = "truncated to " + length + " of " + base.bytes().length + " bytes";
        } else if (kind < 80) {
            List<Site> sites = sites(bytes);
            Site site = sites.get(random.nextInt(sites.size()));
            mutation = site.corrupt(ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN), random);
        } else {
            TfliteModel model = TfliteReader.read(bytes, base.name());
            Extreme extreme = extreme(model, random);
            bytes = TfliteWriter.write(extreme.model());
            mutation = extreme.description();
        }
        String name = String.format("fuzz-%04d-%s.tflite", index, base.name());
        return new Mutant(index, name, base.name(), mutation, bytes);
    }

    /** A place in the file that one targeted corruption writes to. */
    record Site(String what, int position, char type) {

        String corrupt(ByteBuffer b, Random random) {
            String old;
            String now;
            switch (type) {
                case 'n', 'i' -> { // 'n': a vector's length, 'i': an int field
                    int v = b.getInt(position);
                    int[] choices = type == 'n'
                            ? new int[] {0, v - 1, v + 1, v * 2, v + 1000, 0x7fffffff, -1, 0x10000, random.nextInt()}
                            : new int[] {0, -1, 1, v + 1, v - 1, v * 2, 0x7fffffff, Integer.MIN_VALUE, 65536, random.nextInt(300),
                                    -2 - random.nextInt(100)};
                    int n = choices[random.nextInt(choices.length)];
                    b.putInt(position, n);
                    old = Integer.toString(v);
                    now = Integer.toString(n);
                }
                case 'b' -> {
                    byte v = b.get(position);
                    byte n = random.nextBoolean() ? (byte) random.nextInt(24) : (byte) random.nextInt(256);
                    b.put(position, n);
                    old = Byte.toString(v);
                    now = Byte.toString(n);
                }
                case 'f' -> {
                    float v = b.getFloat(position);
                    float[] choices = {0f, -v, Float.NaN, Float.POSITIVE_INFINITY, 1e-38f, Float.MIN_VALUE, 1e38f, v * 1000, v / 1000,
                            v * 2, v * 1.0001f};
                    float n = choices[random.nextInt(choices.length)];
                    b.putFloat(position, n);
                    old = Float.toString(v);
                    now = Float.toString(n);
                }
                case 'l' -> {
                    long v = b.getLong(position);
                    long[] choices = {127, -128, 128, -129, 255, 1L << 40, Long.MIN_VALUE, v + 1, v - 1};
                    long n = choices[random.nextInt(choices.length)];
                    b.putLong(position, n);
                    old = Long.toString(v);
                    now = Long.toString(n);
                }
                default -> throw new IllegalStateException("site type " + type);
            }
            return what + " @" + position + ": " + old + " -> " + now;
        }
    }

    /** Every field we know how to aim at in a model file, found through the FlatBuffer tables. */
    static List<Site> sites(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        Model model = Model.getRootAsModel(b);
        List<Site> sites = new ArrayList<>();
        scalar(sites, "model.version", model, 0, 'i');
        vector(sites, "model.operator_codes", model, 1);
        vector(sites, "model.subgraphs", model, 2);
        vector(sites, "model.buffers", model, 4);
        for (int i = 0; i < model.buffersLength(); i++) {
            vector(sites, "buffer[" + i + "].data", model.buffers(i), 0);
        }
        for (int i = 0; i < model.operatorCodesLength(); i++) {
            scalar(sites, "operator_code[" + i + "].deprecated_builtin_code", model.operatorCodes(i), 0, 'b');
            scalar(sites, "operator_code[" + i + "].builtin_code", model.operatorCodes(i), 3, 'i');
        }
        SubGraph graph = model.subgraphs(0);
        vector(sites, "subgraph.tensors", graph, 0);
        vector(sites, "subgraph.inputs", graph, 1);
        vector(sites, "subgraph.outputs", graph, 2);
        vector(sites, "subgraph.operators", graph, 3);
        elements(sites, "subgraph.inputs", graph, 1, 4, 'i');
        elements(sites, "subgraph.outputs", graph, 2, 4, 'i');
        for (int t = 0; t < graph.tensorsLength(); t++) {
            org.tensorflow.lite.schema.Tensor tensor = graph.tensors(t);
            String name = "tensor[" + t + "]";
            vector(sites, name + ".shape", tensor, 0);
            elements(sites, name + ".shape", tensor, 0, 4, 'i');
            scalar(sites, name + ".type", tensor, 1, 'b');
            scalar(sites, name + ".buffer", tensor, 2, 'i');
            QuantizationParameters q = tensor.quantization();
            if (q != null) {
                vector(sites, name + ".scale", q, 2);
                vector(sites, name + ".zero_point", q, 3);
                elements(sites, name + ".scale", q, 2, 4, 'f');
                elements(sites, name + ".zero_point", q, 3, 8, 'l');
                scalar(sites, name + ".quantized_dimension", q, 6, 'i');
            }
        }
        for (int o = 0; o < graph.operatorsLength(); o++) {
            org.tensorflow.lite.schema.Operator op = graph.operators(o);
            String name = "operator[" + o + "]";
            scalar(sites, name + ".opcode_index", op, 0, 'i');
            vector(sites, name + ".inputs", op, 1);
            vector(sites, name + ".outputs", op, 2);
            elements(sites, name + ".inputs", op, 1, 4, 'i');
            elements(sites, name + ".outputs", op, 2, 4, 'i');
            scalar(sites, name + ".builtin_options_type", op, 3, 'b');
            Table options = switch (op.builtinOptionsType()) {
                case BuiltinOptions.Conv2DOptions -> op.builtinOptions(new org.tensorflow.lite.schema.Conv2DOptions());
                case BuiltinOptions.DepthwiseConv2DOptions ->
                        op.builtinOptions(new org.tensorflow.lite.schema.DepthwiseConv2DOptions());
                case BuiltinOptions.Pool2DOptions -> op.builtinOptions(new org.tensorflow.lite.schema.Pool2DOptions());
                case BuiltinOptions.FullyConnectedOptions -> op.builtinOptions(new org.tensorflow.lite.schema.FullyConnectedOptions());
                case BuiltinOptions.SoftmaxOptions -> op.builtinOptions(new org.tensorflow.lite.schema.SoftmaxOptions());
                case BuiltinOptions.ReshapeOptions -> op.builtinOptions(new org.tensorflow.lite.schema.ReshapeOptions());
                default -> null;
            };
            if (options != null) {
                String kind = name + ".options(" + BuiltinOptions.name(op.builtinOptionsType()) + ")";
                switch (op.builtinOptionsType()) {
                    case BuiltinOptions.SoftmaxOptions -> scalar(sites, kind + ".beta", options, 0, 'f');
                    case BuiltinOptions.ReshapeOptions -> {
                        vector(sites, kind + ".new_shape", options, 0);
                        elements(sites, kind + ".new_shape", options, 0, 4, 'i');
                    }
                    case BuiltinOptions.FullyConnectedOptions -> {
                        scalar(sites, kind + ".fused_activation", options, 0, 'b');
                        scalar(sites, kind + ".weights_format", options, 1, 'b');
                        scalar(sites, kind + ".keep_num_dims", options, 2, 'b');
                    }
                    default -> { // Conv2D, DepthwiseConv2D, Pool2D: padding, stride_w, stride_h, then per table
                        scalar(sites, kind + ".padding", options, 0, 'b');
                        scalar(sites, kind + ".stride_w", options, 1, 'i');
                        scalar(sites, kind + ".stride_h", options, 2, 'i');
                        for (int field = 3; field <= 6; field++) {
                            int o2 = offset(options, field);
                            if (o2 != 0) {
                                // fused activation fields are bytes; widths and heights, multipliers and dilations ints
                                boolean byteField = (op.builtinOptionsType() == BuiltinOptions.Conv2DOptions && field == 3)
                                        || (op.builtinOptionsType() == BuiltinOptions.DepthwiseConv2DOptions && field == 4)
                                        || (op.builtinOptionsType() == BuiltinOptions.Pool2DOptions && field == 5);
                                scalar(sites, kind + ".field" + field, options, field, byteField ? 'b' : 'i');
                            }
                        }
                    }
                }
            }
        }
        return sites;
    }

    private static void scalar(List<Site> sites, String what, Table table, int field, char type) {
        int o = offset(table, field);
        if (o != 0) {
            sites.add(new Site(what, position(table) + o, type));
        }
    }

    private static void vector(List<Site> sites, String what, Table table, int field) {
        int start = vectorStart(table, field);
        if (start >= 4) {
            sites.add(new Site(what + " length", start - 4, 'n'));
        }
    }

    private static void elements(List<Site> sites, String what, Table table, int field, int width, char type) {
        int start = vectorStart(table, field);
        if (start >= 4) {
            ByteBuffer b = bb(table);
            int length = b.getInt(start - 4);
            for (int i = 0; i < length; i++) {
                sites.add(new Site(what + "[" + i + "]", start + i * width, type));
            }
        }
    }

    // FlatBuffers keeps its table accessors protected; the generated schema classes have none for field positions.
    private static final Method OFFSET;
    private static final Method VECTOR;
    private static final Field BB_POS;
    private static final Field BB;

    static {
        try {
            OFFSET = Table.class.getDeclaredMethod("__offset", int.class);
            VECTOR = Table.class.getDeclaredMethod("__vector", int.class);
            BB_POS = Table.class.getDeclaredField("bb_pos");
            BB = Table.class.getDeclaredField("bb");
            for (var member : List.of(OFFSET, VECTOR, BB_POS, BB)) {
                member.setAccessible(true);
            }
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static int offset(Table table, int field) {
        try {
            return (int) OFFSET.invoke(table, 4 + 2 * field);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int vectorStart(Table table, int field) {
        int o = offset(table, field);
        if (o == 0) {
            return -1;
        }
        try {
            return (int) VECTOR.invoke(table, o);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int position(Table table) {
        try {
            return BB_POS.getInt(table);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ByteBuffer bb(Table table) {
        try {
            return (ByteBuffer) BB.get(table);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    record Extreme(TfliteModel model, String description) {
    }

    /** A valid model pushed to a limit: the reference should accept it, and we must agree with it bit for bit. */
    static Extreme extreme(TfliteModel model, Random random) {
        List<Tensor> tensors = new ArrayList<>(model.tensors());
        List<Integer> biases = new ArrayList<>();
        List<Integer> weights = new ArrayList<>();
        for (int t = 0; t < tensors.size(); t++) {
            Tensor tensor = tensors.get(t);
            if (tensor.constant() && tensor.type() == TensorType.INT32 && tensor.quantization() != null) {
                biases.add(t);
            } else if (tensor.constant() && tensor.type() == TensorType.INT8) {
                weights.add(t);
            }
        }
        int choice = random.nextInt(4);
        String description;
        if (choice == 0 && !biases.isEmpty()) {
            int t = biases.get(random.nextInt(biases.size()));
            Tensor bias = tensors.get(t);
            byte[] data = bias.data().clone();
            int[] values = {Integer.MAX_VALUE, Integer.MIN_VALUE, 1 << 30, -(1 << 30), 1 << 24, -(1 << 24)};
            int element = random.nextInt(data.length / 4);
            int value = values[random.nextInt(values.length)];
            ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN).putInt(element * 4, value);
            tensors.set(t, new Tensor(bias.name(), bias.type(), bias.shape(), bias.quantization(), data));
            description = "extreme: bias " + bias.name() + "[" + element + "] = " + value;
        } else if (choice == 1 && !weights.isEmpty()) {
            int t = weights.get(random.nextInt(weights.size()));
            Tensor w = tensors.get(t);
            byte[] data = new byte[w.data().length];
            byte value = (byte) (random.nextBoolean() ? 127 : -127);
            Arrays.fill(data, value);
            tensors.set(t, new Tensor(w.name(), w.type(), w.shape(), w.quantization(), data));
            description = "extreme: every weight of " + w.name() + " = " + value;
        } else if (choice == 2) {
            int t = model.outputs()[0];
            Tensor out = tensors.get(t);
            float[] factors = {1e-4f, 1e-2f, 1e2f, 1e4f};
            float factor = factors[random.nextInt(factors.length)];
            Quantization q = Quantization.perTensor(out.quantization().scale() * factor, out.quantization().zeroPoint());
            tensors.set(t, new Tensor(out.name(), out.type(), out.shape(), q, null));
            description = "extreme: output scale x " + factor;
        } else {
            int t = model.inputs()[0];
            Tensor in = tensors.get(t);
            int zp = random.nextBoolean() ? 127 : -128;
            tensors.set(t, new Tensor(in.name(), in.type(), in.shape(), Quantization.perTensor(in.quantization().scale(), zp), null));
            description = "extreme: input zero point " + zp;
        }
        return new Extreme(new TfliteModel(model.description(), tensors, model.operators(), model.inputs(), model.outputs()),
                description);
    }

    // --- reading and compiling, in a thread with a time limit ------------------------------------------------------------

    private Accepted readAndCompile(Mutant mutant, ExecutorService executor) {
        Future<CompiledModel> future = executor.submit(() -> {
            TfliteModel model = TfliteReader.read(mutant.bytes(), mutant.name());
            return AotCompiler.compile(model, "fuzz", mutant.name());
        });
        try {
            CompiledModel compiled = future.get(10, TimeUnit.SECONDS);
            count("compiled");
            return new Accepted(mutant, compiled);
        } catch (TimeoutException e) {
            future.cancel(true);
            executor.shutdownNow();
            fail(mutant, "reading and compiling did not finish within 10 s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof TinymlException refused) {
                if (refused.getMessage() != null && refused.getMessage().startsWith(mutant.name() + ": ")) {
                    count("refused: " + refused.getClass().getSimpleName());
                } else {
                    fail(mutant, "refused with a message that does not start with the file name: " + refused.getMessage());
                }
            } else {
                StringBuilder trace = new StringBuilder(cause.toString());
                for (StackTraceElement frame : Arrays.copyOf(cause.getStackTrace(), Math.min(4, cause.getStackTrace().length))) {
                    trace.append(" at ").append(frame);
                }
                fail(mutant, "escaped as " + trace);
            }
        }
        return null;
    }

    // --- our C: every distinct accepted source built into one sanitized program, run once per model ----------------------

    private void runOurs(List<Accepted> accepted) throws IOException {
        Path work = Files.createDirectories(dir.resolve("ours"));
        Map<String, Integer> programs = new LinkedHashMap<>();
        List<Accepted> representatives = new ArrayList<>();
        for (Accepted a : accepted) {
            long size = Math.max((long) a.compiled.plan().arenaBytes(), (long) a.compiled.constantBytes());
            if (a.compiled.inputBytes() <= 0 || a.compiled.outputBytes() <= 0 || size > MAX_RUNNABLE_BYTES
                    || (long) a.compiled.inputBytes() * INPUTS > MAX_RUNNABLE_BYTES) {
                count("compiled, too large to run here");
                note(a, "accepted with input " + a.compiled.inputBytes() + " B, output " + a.compiled.outputBytes() + " B, arena "
                        + a.compiled.plan().arenaBytes() + " B: not run");
                continue;
            }
            a.inputs = inputs(a.compiled.inputBytes());
            String key = a.compiled.source().replaceAll("(?s)^/\\*.*?\\*/", "") + "\n" + a.compiled.header().replaceAll("(?s)^/\\*.*?\\*/", "");
            Integer program = programs.get(key);
            if (program == null) {
                program = programs.size();
                programs.put(key, program);
                representatives.add(a);
                Path modelDir = a.compiled.writeTo(work.resolve("m" + program));
                Files.writeString(work.resolve("w" + program + ".c"), "#define tinyml_model_input fuzz_input_" + program
                        + "\n#define tinyml_model_output fuzz_output_" + program + "\n#define tinyml_model_invoke fuzz_invoke_" + program
                        + "\n#include \"" + modelDir.getFileName() + "/model.c\"\n");
            }
            a.program = program;
        }
        if (representatives.isEmpty()) {
            return;
        }
        List<String> kernels = kernelObjects(work);
        // Two gcc processes, one per core; a file that does not compile leaves no object behind.
        List<Process> compilers = new ArrayList<>();
        for (int part = 0; part < 2; part++) {
            List<String> gcc = new ArrayList<>(List.of("gcc"));
            gcc.addAll(CFLAGS);
            gcc.addAll(List.of("-I" + OperatorHarness.FIRMWARE.resolve("include"), "-c"));
            boolean any = false;
            for (int p = part; p < representatives.size(); p += 2) {
                gcc.add("w" + p + ".c");
                any = true;
            }
            if (any) {
                compilers.add(start(gcc, work, null, work.resolve("gcc" + part + ".log")));
            }
        }
        for (Process compiler : compilers) {
            waitFor(compiler, 300, "gcc");
        }
        StringBuilder driver = new StringBuilder("#include <stdio.h>\n#include <stdlib.h>\n#include <string.h>\n#include <stdint.h>\n"
                + "struct model { int8_t *(*input)(void); const int8_t *(*output)(void); void (*invoke)(void); size_t in, out; };\n");
        StringBuilder table = new StringBuilder("static const struct model MODELS[] = {\n");
        List<String> link = new ArrayList<>(List.of("gcc"));
        link.addAll(CFLAGS);
        link.addAll(kernels);
        boolean[] built = new boolean[representatives.size()];
        for (int p = 0; p < representatives.size(); p++) {
            Accepted a = representatives.get(p);
            built[p] = Files.isRegularFile(work.resolve("w" + p + ".o"));
            if (!built[p]) {
                fail(a.mutant, "gcc cannot compile the generated C: " + compileError(work, p));
                table.append("  {0, 0, 0, 0, 0},\n");
                continue;
            }
            driver.append("int8_t *fuzz_input_").append(p).append("(void); const int8_t *fuzz_output_").append(p)
                    .append("(void); void fuzz_invoke_").append(p).append("(void);\n");
            table.append("  {fuzz_input_").append(p).append(", fuzz_output_").append(p).append(", fuzz_invoke_").append(p)
                    .append(", ").append(a.compiled.inputBytes()).append(", ").append(a.compiled.outputBytes()).append("},\n");
            link.add("w" + p + ".o");
        }
        driver.append(table).append("};\n").append("""
                int main(int argc, char **argv) {
                    const struct model *m = &MODELS[atoi(argv[1])];
                    int8_t *buffer = malloc(m->in);
                    while (fread(buffer, 1, m->in, stdin) == m->in) {
                        memcpy(m->input(), buffer, m->in);
                        m->invoke();
                        fwrite(m->output(), 1, m->out, stdout);
                    }
                    free(buffer);
                    return 0;
                }
                """);
        Files.writeString(work.resolve("driver.c"), driver.toString());
        link.addAll(List.of("driver.c", "-o", "fuzzrunner", "-lm"));
        Process linker = start(link, work, null, work.resolve("link.log"));
        if (waitFor(linker, 300, "gcc (link)") != 0) {
            throw new AssertionError("linking the fuzz runner failed:\n" + Files.readString(work.resolve("link.log")));
        }
        Map<Integer, byte[]> outputs = new HashMap<>();
        Map<Integer, String> errors = new HashMap<>();
        for (int p = 0; p < representatives.size(); p++) {
            if (!built[p]) {
                continue;
            }
            Accepted a = representatives.get(p);
            Path in = Files.write(work.resolve("in" + p + ".bin"), a.inputs);
            Path out = work.resolve("out" + p + ".bin");
            Path err = work.resolve("err" + p + ".txt");
            ProcessBuilder builder = new ProcessBuilder(work.resolve("fuzzrunner").toString(), Integer.toString(p)).directory(work.toFile())
                    .redirectInput(in.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().put("ASAN_OPTIONS", "detect_leaks=0");
            Process run = builder.start();
            int status;
            try {
                status = waitFor(run, 30, "fuzzrunner " + p);
            } catch (AssertionError timeout) {
                errors.put(p, timeout.getMessage());
                continue;
            }
            String stderr = Files.readString(err, StandardCharsets.UTF_8);
            byte[] bytes = Files.readAllBytes(out);
            if (status != 0 || !stderr.isBlank()) {
                errors.put(p, "exit " + status + ": " + firstLines(stderr, 6));
            } else if (bytes.length != INPUTS * a.compiled.outputBytes()) {
                errors.put(p, "wrote " + bytes.length + " bytes for " + INPUTS + " outputs of " + a.compiled.outputBytes());
            } else {
                outputs.put(p, bytes);
            }
        }
        for (Accepted a : accepted) {
            if (a.program < 0) {
                continue;
            }
            if (errors.containsKey(a.program)) {
                fail(a.mutant, "the compiled model failed under ASan/UBSan: " + errors.get(a.program));
            } else if (outputs.containsKey(a.program)) {
                a.ours = outputs.get(a.program);
                count("compiled, ran clean");
            }
        }
    }

    private static byte[] inputs(int size) {
        Random random = new Random(SEED ^ size);
        byte[] all = new byte[size * INPUTS];
        random.nextBytes(all);
        Arrays.fill(all, 0, size, (byte) -128);
        Arrays.fill(all, size, 2 * size, (byte) 127);
        return all;
    }

    private static List<String> kernelObjects(Path work) throws IOException {
        Path objects = Files.createDirectories(work.resolve("kernels"));
        List<String> gcc = new ArrayList<>(List.of("gcc"));
        gcc.addAll(CFLAGS);
        gcc.addAll(List.of("-I" + OperatorHarness.FIRMWARE.resolve("include"), "-c"));
        List<Path> sources;
        try (Stream<Path> files = Files.list(OperatorHarness.FIRMWARE.resolve("kernels/ref"))) {
            sources = files.filter(p -> p.toString().endsWith(".c")).sorted().toList();
        }
        sources.forEach(p -> gcc.add(p.toString()));
        if (waitFor(start(gcc, objects, null, work.resolve("kernels.log")), 300, "gcc (kernels)") != 0) {
            throw new AssertionError("gcc failed on the reference kernels:\n" + Files.readString(work.resolve("kernels.log")));
        }
        return sources.stream().map(p -> objects.resolve(p.getFileName().toString().replaceAll("\\.c$", ".o")).toString()).toList();
    }

    private static String compileError(Path work, int program) {
        try {
            List<String> lines = new ArrayList<>();
            for (int part = 0; part < 2; part++) {
                Path log = work.resolve("gcc" + part + ".log");
                if (Files.exists(log)) {
                    Files.readAllLines(log).stream().filter(l -> l.contains("m" + program + "/") || l.contains("w" + program + ".c"))
                            .limit(4).forEach(lines::add);
                }
            }
            return String.join(" | ", lines);
        } catch (IOException e) {
            return e.toString();
        }
    }

    // --- the reference interpreter, in a child JVM ------------------------------------------------------------------------

    private void runReference(List<Accepted> accepted) throws IOException {
        Path work = Files.createDirectories(dir.resolve("reference"));
        List<String> ids = new ArrayList<>();
        Map<String, Accepted> byId = new HashMap<>();
        for (Accepted a : accepted) {
            if (a.ours == null) {
                continue;
            }
            String id = a.mutant.name().replace(".tflite", "");
            Files.write(work.resolve(id + ".tflite"), a.mutant.bytes());
            Files.write(work.resolve(id + ".in"), a.inputs);
            ids.add(id);
            byId.put(id, a);
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        int next = 0;
        java.util.Set<String> retried = new java.util.HashSet<>();
        int startFailures = 0;
        for (int attempt = 0; next < ids.size() && attempt < 40; attempt++) {
            List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                    "io.tinymlaas.compile.FuzzReferenceRunner", work.toString()));
            command.addAll(ids.subList(next, ids.size()));
            Path log = work.resolve("child" + attempt + ".log");
            Process child = start(command, work, null, log);
            int status = waitFor(child, 300, "the reference interpreter's JVM");
            String crashed = null;
            for (String line : Files.readAllLines(log, StandardCharsets.ISO_8859_1)) {
                if (line.startsWith("BEGIN ")) {
                    crashed = line.substring(6);
                } else if (line.startsWith("END ")) {
                    crashed = null;
                }
            }
            for (int i = next; i < ids.size(); i++) {
                String id = ids.get(i);
                Accepted a = byId.get(id);
                if (Files.exists(work.resolve(id + ".ref"))) {
                    a.reference = Files.readAllBytes(work.resolve(id + ".ref"));
                } else if (Files.exists(work.resolve(id + ".rej"))) {
                    a.referenceRefusal = Files.readString(work.resolve(id + ".rej"));
                }
            }
            if (status == 0) {
                break;
            }
            if (crashed == null && ++startFailures < 3) {
                continue; // died before its first model (e.g. a class file being rewritten by a concurrent build): again
            }
            if (crashed == null) {
                throw new AssertionError("the reference interpreter's JVM exited with " + status + ":\n" + firstLines(
                        Files.readString(log, StandardCharsets.ISO_8859_1), 20));
            }
            if (retried.add(crashed)) {
                // Once more in a fresh JVM first: a class file rewritten by a concurrent build can kill the child too.
                next = ids.indexOf(crashed);
                continue;
            }
            Accepted a = byId.get(crashed);
            a.referenceRefusal = "the TFLite 2.6 interpreter crashed (JVM exit " + status + ")";
            System.out.println("  note: the reference interpreter's JVM died (exit " + status + ") on " + describe(a.mutant) + ": "
                    + firstLines(tail(Files.readString(log, StandardCharsets.ISO_8859_1), 6), 6));
            count("reference crashed (not ours)");
            keep(a.mutant, "reference-crash");
            next = ids.indexOf(crashed) + 1;
        }
    }

    private void compare(List<Accepted> accepted) {
        for (Accepted a : accepted) {
            if (a.ours == null) {
                continue;
            }
            if (a.reference == null) {
                count("reference refuses what we accept");
                String reason = String.valueOf(a.referenceRefusal).replaceAll("fuzz-\\d+-\\w+", "<model>")
                        .replaceAll("\\d+", "N");
                reason = reason.length() > 400 ? reason.substring(0, 400) : reason;
                referenceRefusals.merge(reason, 1, Integer::sum);
                refusalExamples.putIfAbsent(reason, describe(a.mutant));
                if (a.mutant.index() < 0) {
                    failures.add(a.mutant.name() + ": the reference refuses an unmutated model: " + a.referenceRefusal);
                }
                continue;
            }
            if (Arrays.equals(a.ours, a.reference)) {
                count("reference agrees bit for bit");
                continue;
            }
            int max = 0;
            int differing = 0;
            int first = -1;
            for (int i = 0; i < a.ours.length && i < a.reference.length; i++) {
                int d = Math.abs(a.ours[i] - a.reference[i]);
                if (d > 0) {
                    differing++;
                    first = first < 0 ? i : first;
                }
                max = Math.max(max, d);
            }
            keep(a.mutant, "disagrees");
            String what = describe(a.mutant)
                    + (oversizedPoolWindow(a.mutant) ? " [pool window more than twice its input]" : "") + ": " + differing + " of " + a.ours.length + " output bytes differ, max " + max
                    + " LSB, first at byte " + first + " (input " + (first / Math.max(1, a.compiled.outputBytes())) + ")"
                    + (a.ours.length != a.reference.length ? " (lengths " + a.ours.length + " vs " + a.reference.length + ")" : "");
            if (a.mutant.index() < 0) {
                failures.add(what);
            } else {
                record(what, disagreements);
            }
        }
    }

    // --- bookkeeping ------------------------------------------------------------------------------------------------------

    private void count(String outcome) {
        outcomes.merge(outcome, 1, Integer::sum);
    }

    private void fail(Mutant mutant, String what) {
        keep(mutant, "failed");
        record(describe(mutant) + ": " + what, failures);
    }

    /** Files a failure or disagreement under a known bug when it matches one (unless strict), else in {@code list}. */
    private void record(String what, List<String> list) {
        for (KnownBug bug : KNOWN_BUGS) {
            if (!STRICT && bug.matches(what)) {
                count("KNOWN BUG " + bug.id());
                known.add("[" + bug.id() + "] " + what);
                return;
            }
        }
        count(list == failures ? "FAILED" : "DISAGREED");
        list.add(what);
    }

    /** Whether a pooling operator's window is more than twice as high or wide as its input. */
    private static boolean oversizedPoolWindow(Mutant mutant) {
        TfliteModel model = TfliteReader.read(mutant.bytes(), mutant.name());
        for (io.tinymlaas.tflite.Operator op : model.operators()) {
            if (op.options() instanceof io.tinymlaas.tflite.OperatorOptions.Pool2D pool && op.inputs().length > 0 && op.inputs()[0] >= 0) {
                int[] shape = model.tensor(op.inputs()[0]).shape();
                if (shape.length == 4 && ((long) pool.filterH() > 2L * shape[1] || (long) pool.filterW() > 2L * shape[2])) {
                    return true;
                }
            }
        }
        return false;
    }

    private void note(Accepted a, String what) {
        System.out.println("  note: " + describe(a.mutant) + ": " + what);
    }

    private static String describe(Mutant mutant) {
        return mutant.name() + " (" + mutant.base() + ", " + mutant.mutation() + ", seed " + SEED + ")";
    }

    private static void keep(Mutant mutant, String why) {
        try {
            Files.createDirectories(FINDINGS);
            Files.write(FINDINGS.resolve(why + "-" + mutant.name()), mutant.bytes());
        } catch (IOException e) {
            System.out.println("  cannot keep " + mutant.name() + ": " + e);
        }
    }

    private static Process start(List<String> command, Path dir, Path stdin, Path log) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("ASAN_OPTIONS", "detect_leaks=0");
        builder.environment().put("TF_CPP_MIN_LOG_LEVEL", "2");
        if (stdin != null) {
            builder.redirectInput(stdin.toFile());
        }
        return builder.start();
    }

    private static int waitFor(Process process, int seconds, String what) {
        try {
            if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new AssertionError(what + " did not finish within " + seconds + " s");
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static String tail(String text, int lines) {
        List<String> all = text.lines().filter(l -> !l.isBlank()).toList();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    private static String firstLines(String text, int lines) {
        return String.join(" | ", text.lines().filter(l -> !l.isBlank()).limit(lines).toList());
    }

    private static java.util.concurrent.ThreadFactory daemon() {
        return runnable -> {
            Thread thread = new Thread(runnable, "fuzz-case");
            thread.setDaemon(true);
            return thread;
        };
    }
}
