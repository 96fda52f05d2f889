package io.tinymlaas.compile;

import io.tinymlaas.compile.ops.CArena;
import io.tinymlaas.compile.ops.KernelCall;
import io.tinymlaas.compile.ops.LoweringException;
import io.tinymlaas.compile.ops.LoweringSupport;
import io.tinymlaas.compile.ops.Lowerings;
import io.tinymlaas.compile.ops.OperatorLowering;
import io.tinymlaas.tflite.Operator;
import io.tinymlaas.tflite.OperatorSpec;
import io.tinymlaas.tflite.Operators;
import io.tinymlaas.tflite.Quantization;
import io.tinymlaas.tflite.Tensor;
import io.tinymlaas.tflite.TensorType;
import io.tinymlaas.tflite.TfliteFile;
import io.tinymlaas.tflite.TfliteModel;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Ahead-of-time compiler: a .tflite graph becomes portable C with weights as const arrays, one static
 * activation arena planned here, and a straight list of kernel calls. The device parses nothing and
 * allocates nothing.
 */
public final class AotCompiler {

    /** Arena offsets are word-aligned so kernels may read activations 32 bits at a time. */
    static final int ARENA_ALIGNMENT = 4;

    private AotCompiler() {
    }

    /** The one way a model file is compiled: read, hashed, checked and turned into C. */
    public static CompiledFile compile(Path tflite) {
        return compile(tflite, ArithmeticProfile.TFLITE_2_6);
    }

    /** {@link #compile(Path)} reproducing another reference's arithmetic. */
    public static CompiledFile compile(Path tflite, ArithmeticProfile profile) {
        TfliteFile file = TfliteFile.read(tflite);
        return new CompiledFile(file, compile(file.model(), file.sha256(), tflite.toString(), profile));
    }

    public static CompiledModel compile(TfliteModel file, String modelHash, String source) {
        return compile(file, modelHash, source, ArithmeticProfile.TFLITE_2_6);
    }

    public static CompiledModel compile(TfliteModel file, String modelHash, String source, ArithmeticProfile profile) {
        checkInterface(file, source);
        Float16Weights.Folded folded = Float16Weights.fold(file);
        TfliteModel model = folded.model();
        List<TensorLifetime> lifetimes = new ArrayList<>(lifetimes(model, source));
        int outputBytes = 0;
        for (int out : model.outputs()) {
            outputBytes += (int) model.tensor(out).byteSize();
        }
        // Several graph outputs are copied, one after the other, into one region the host reads after the last operator.
        int outputRegion = model.outputs().length > 1 ? model.tensors().size() : model.outputs()[0];
        if (model.outputs().length > 1) {
            int end = model.operators().size();
            lifetimes.add(new TensorLifetime(outputRegion, outputBytes, end, end));
        }
        MemoryPlan plan = MemoryPlanner.plan(lifetimes, ARENA_ALIGNMENT);
        CArena arena = new CArena(plan::offsetOf);

        List<KernelCall> calls = new ArrayList<>();
        for (int i = 0; i < model.operators().size(); i++) {
            if (!folded.skipped().contains(i)) {
                calls.add(lower(model, i, model.operators().get(i), source, arena, profile));
            }
        }
        if (model.outputs().length > 1) {
            calls.add(outputCopies(model, arena, outputRegion));
        }
        boolean floatArena = lifetimes.stream().anyMatch(t -> t.tensor() < model.tensors().size()
                && model.tensor(t.tensor()).type() == TensorType.FLOAT32);
        Set<Integer> constants = new TreeSet<>();
        calls.forEach(call -> constants.addAll(call.constantTensors()));
        int constantBytes = constants.stream().mapToInt(t -> (int) model.tensor(t).byteSize()).sum()
                + calls.stream().mapToInt(KernelCall::preparedBytes).sum();

        Tensor input = model.input();
        String header = header(modelHash, source, plan, input, model.output(), outputBytes);
        String c = source(model, modelHash, source, plan, calls, constants, arena, outputRegion, floatArena, profile);
        return new CompiledModel(modelHash, header, c, plan, constantBytes, (int) input.byteSize(), outputBytes, profile);
    }

    /** Copies each graph output, in the model's order, into the output region (bytes, whatever their type). */
    private static KernelCall outputCopies(TfliteModel model, CArena arena, int region) {
        StringBuilder calls = new StringBuilder();
        int offset = 0;
        for (int out : model.outputs()) {
            long bytes = model.tensor(out).byteSize();
            calls.append(calls.length() == 0 ? "" : "\n    ").append("tinyml_reshape(").append(arena.pointer(out)).append(", ")
                    .append(arena.pointer(region)).append(" + ").append(offset).append(", ").append(bytes).append(");");
            offset += (int) bytes;
        }
        return new KernelCall("tinyml/kernels/reshape.h", "", calls.toString(), List.of());
    }

    private static KernelCall lower(TfliteModel model, int index, Operator op, String source, CArena arena,
                                    ArithmeticProfile profile) {
        OperatorLowering lowering = profile == ArithmeticProfile.TFLM ? Lowerings.tflm(op.opcode()) : Lowerings.of(op.opcode());
        if (lowering == null) {
            throw new CompilationException(source + ": operator #" + index + " " + op.name()
                    + " is not supported by the compiler (supported: " + supportedOperators() + ")");
        }
        try {
            return lowering.lower(model, index, op, source, arena);
        } catch (LoweringException e) {
            throw new CompilationException(e.getMessage());
        } catch (IllegalArgumentException e) {
            // Arithmetic the kernels cannot represent (e.g. a rescale factor beyond 2^30): valid file, unusable model.
            throw new CompilationException(source + ": operator #" + index + " " + op.name() + ": " + e.getMessage());
        }
    }

    static String supportedOperators() {
        return String.join(", ", Lowerings.supported());
    }

    private static void checkInterface(TfliteModel model, String source) {
        if (model.inputs().length != 1 || model.outputs().length < 1) {
            throw new CompilationException(source + ": models with " + model.inputs().length + " inputs and "
                    + model.outputs().length + " outputs are not supported (one input, one or more outputs)");
        }
        List<Tensor> interfaceTensors = new ArrayList<>(List.of(model.input()));
        for (int out : model.outputs()) {
            interfaceTensors.add(model.tensor(out));
        }
        for (Tensor tensor : interfaceTensors) {
            boolean int8 = tensor.type() == TensorType.INT8 && tensor.quantization() != null;
            if (!int8 && tensor.type() != TensorType.FLOAT32) {
                throw new CompilationException(source + ": graph input/output '" + tensor.name() + "' is " + tensor.type()
                        + (tensor.type() == TensorType.INT8 ? " without quantization" : "")
                        + "; only quantized int8 and float32 interfaces are supported");
            }
        }
        if (model.operators().isEmpty()) {
            throw new CompilationException(source + ": the graph has no operators");
        }
    }

    /**
     * Every non-constant tensor lives from the operator that writes it to the last one that reads it. A tensor
     * read before anything wrote it (not a graph input, not constant, no earlier operator) makes the graph invalid.
     */
    static List<TensorLifetime> lifetimes(TfliteModel model, String source) {
        int ops = model.operators().size();
        int[] first = new int[model.tensors().size()];
        int[] last = new int[model.tensors().size()];
        java.util.Arrays.fill(first, -1);
        java.util.Arrays.fill(last, -1);
        for (int in : model.inputs()) {
            first[in] = 0;
        }
        for (int i = 0; i < ops; i++) {
            Operator op = model.operators().get(i);
            OperatorSpec spec = Operators.byCode(op.opcode());
            for (int k = 0; k < op.inputs().length; k++) {
                int t = op.inputs()[k];
                if (t < 0) {
                    if (spec == null || !spec.optionalInputs().contains(k)) {
                        throw new CompilationException(source + ": operator #" + i + " " + op.name() + " lacks its input " + k);
                    }
                    continue;
                }
                // An operator's state tensors (variable) it resets itself at each invoke, so they need no writer.
                if (model.tensor(t).variable() && first[t] < 0 && spec != null && spec.stateInputs().contains(k)) {
                    first[t] = i;
                }
                if (!model.tensor(t).constant() && first[t] < 0) {
                    throw new CompilationException(source + ": operator #" + i + " " + op.name() + " reads tensor " + t + " '"
                            + model.tensor(t).name() + "', which is not a graph input and no earlier operator writes");
                }
                last[t] = Math.max(last[t], i);
            }
            for (int t : op.outputs()) {
                if (first[t] < 0) {
                    first[t] = i;
                }
                last[t] = Math.max(last[t], i);
            }
        }
        for (int out : model.outputs()) {
            if (model.tensor(out).constant() || first[out] < 0) {
                throw new CompilationException(source + ": graph output tensor " + out + " '" + model.tensor(out).name()
                        + "' is " + (model.tensor(out).constant() ? "a constant" : "never written by any operator"));
            }
            last[out] = ops;
        }
        List<TensorLifetime> lifetimes = new ArrayList<>();
        for (int t = 0; t < first.length; t++) {
            Tensor tensor = model.tensor(t);
            if (!tensor.constant() && first[t] >= 0) {
                lifetimes.add(new TensorLifetime(t, (int) tensor.byteSize(), first[t], last[t]));
            }
        }
        return lifetimes;
    }

    private static String header(String modelHash, String source, MemoryPlan plan, Tensor input, Tensor output,
                                 int outputBytes) {
        return "/* Generated by TinyMLaaS from " + fileName(source) + ". Do not edit. */\n"
                + "#ifndef TINYML_MODEL_H\n#define TINYML_MODEL_H\n\n#include <stdint.h>\n\n"
                + "#define TINYML_MODEL_HASH \"" + modelHash + "\"\n"
                + "#define TINYML_MODEL_INPUT_BYTES " + input.byteSize() + "\n"
                + "#define TINYML_MODEL_OUTPUT_BYTES " + outputBytes + "\n"
                + "#define TINYML_MODEL_ARENA_BYTES " + plan.arenaBytes() + "\n"
                + quantizationMacros("INPUT", input) + quantizationMacros("OUTPUT", output) + "\n"
                + "int8_t *tinyml_model_input(void);\n"
                + "const int8_t *tinyml_model_output(void);\n"
                + "void tinyml_model_invoke(void);\n\n"
                + "#endif\n";
    }

    /** Scale and zero point of a quantized interface tensor; a float32 one is marked as such instead. */
    private static String quantizationMacros(String role, Tensor tensor) {
        Quantization q = tensor.quantization();
        if (tensor.type() == TensorType.FLOAT32) {
            return "#define TINYML_MODEL_" + role + "_FLOAT32 1\n";
        }
        return "#define TINYML_MODEL_" + role + "_SCALE " + floatLiteral(q.scale()) + "\n"
                + "#define TINYML_MODEL_" + role + "_ZERO_POINT " + q.zeroPoint() + "\n";
    }

    private static String source(TfliteModel model, String modelHash, String source, MemoryPlan plan, List<KernelCall> calls,
                                 Set<Integer> constants, CArena arena, int outputRegion, boolean floatArena,
                                 ArithmeticProfile profile) {
        StringBuilder c = new StringBuilder();
        c.append("/* Generated by TinyMLaaS from ").append(fileName(source)).append(" (sha256 ").append(modelHash)
                .append("). Do not edit. */\n");
        c.append("#include \"model.h\"\n");
        if (profile.macro() != null) {
            // Tables here and rounding in the kernels must come from the same profile: refuse a build that mixes them.
            c.append("#if !").append(profile.macro()).append("\n#error \"compiled for --reference ").append(profile.cliName())
                    .append(": build every file with -D").append(profile.macro()).append("=1\"\n#endif\n");
        }
        Set<String> headers = new LinkedHashSet<>();
        calls.forEach(call -> headers.add(call.kernelHeader()));
        headers.forEach(h -> c.append("#include \"").append(h).append("\"\n"));
        c.append("\n/* Activations: ").append(plan.arenaBytes()).append(" bytes, offsets planned at compile time. */\n");
        if (floatArena) {
            // Declared as floats, so float kernels access objects of their own type; int8 views are character
            // accesses, which may alias anything.
            c.append("static float tinyml_arena_words[").append(Math.max(plan.arenaBytes(), ARENA_ALIGNMENT) / 4)
                    .append("] __attribute__((aligned(16)));\n");
            c.append("static int8_t *const tinyml_arena = (int8_t *)tinyml_arena_words;\n\n");
        } else {
            c.append("static int8_t tinyml_arena[").append(Math.max(plan.arenaBytes(), ARENA_ALIGNMENT))
                    .append("] __attribute__((aligned(16)));\n\n");
        }
        for (int t : constants) {
            c.append(constantArray(t, model.tensor(t))).append('\n');
        }
        calls.forEach(call -> c.append(call.declarations()).append('\n'));
        c.append("int8_t *tinyml_model_input(void) { return ").append(arena.pointer(model.inputs()[0])).append("; }\n\n");
        c.append("const int8_t *tinyml_model_output(void) { return ").append(arena.pointer(outputRegion)).append("; }\n\n");
        c.append("void tinyml_model_invoke(void) {\n");
        calls.forEach(call -> c.append("    ").append(call.call()).append('\n'));
        c.append("}\n");
        return c.toString();
    }

    private static String constantArray(int index, Tensor tensor) {
        String cType = switch (tensor.type()) {
            case INT8 -> "int8_t";
            case INT32 -> "int32_t";
            case FLOAT32 -> "float";
            default -> throw new CompilationException("constant tensor '" + tensor.name() + "' of type " + tensor.type()
                    + " cannot be emitted yet");
        };
        ByteBuffer data = ByteBuffer.wrap(tensor.data()).order(ByteOrder.LITTLE_ENDIAN);
        int count = (int) tensor.elementCount();
        StringBuilder c = new StringBuilder();
        c.append("/* ").append(tensor.name().replace("*/", "* /")).append(": ").append(tensor.type())
                .append(java.util.Arrays.toString(tensor.shape())).append(" */\n");
        c.append("static const ").append(cType).append(' ').append(CArena.constantName(index)).append('[').append(count)
                .append("] __attribute__((aligned(4))) = {");
        for (int i = 0; i < count; i++) {
            c.append(i % 16 == 0 ? "\n    " : " ");
            if (tensor.type() == TensorType.FLOAT32) {
                float value = data.getFloat(i * 4);
                if (!Float.isFinite(value)) {
                    throw new CompilationException("constant tensor '" + tensor.name() + "' holds " + value + " at element " + i);
                }
                c.append(LoweringSupport.floatLiteral(value)).append(',');
                continue;
            }
            long value = tensor.type() == TensorType.INT8 ? data.get(i) : data.getInt(i * 4);
            c.append(value == Integer.MIN_VALUE ? "(-2147483647 - 1)" : Long.toString(value)).append(',');
        }
        c.append("\n};\n");
        return c.toString();
    }

    private static String floatLiteral(float value) {
        return Float.toString(value).replace("E", "e") + "f";
    }

    private static String fileName(String source) {
        return java.nio.file.Path.of(source).getFileName().toString().replace("*/", "* /");
    }
}
