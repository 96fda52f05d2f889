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
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

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
        boolean floatArena = lifetimes.stream().anyMatch(t -> model.tensor(t.tensor()).type() == TensorType.FLOAT32);
        int inputBytes = interfaceBytes(model, model.inputs());
        int outputBytes = interfaceBytes(model, model.outputs());
        // Several graph inputs arrive one after the other in one region: planned as the inputs themselves where each
        // keeps its word alignment there, else copied into them before the first operator. Several graph outputs are
        // copied, one after the other, into one region the host reads after the last operator. A model with one input
        // and one output has neither region: the host reads and writes the tensors in place.
        boolean severalInputs = model.inputs().length > 1;
        boolean inputsInPlace = severalInputs && inputsFitInPlace(model);
        boolean inputCopies = severalInputs && !inputsInPlace;
        boolean outputCopies = model.outputs().length > 1;
        int inputRegion = severalInputs ? model.tensors().size() : model.inputs()[0];
        int outputRegion = outputCopies ? model.tensors().size() + 1 : model.outputs()[0];
        if (severalInputs) {
            Set<Integer> inputs = Arrays.stream(model.inputs()).boxed().collect(Collectors.toSet());
            int lastRead = inputsInPlace ? lifetimes.stream().filter(t -> inputs.contains(t.tensor()))
                    .mapToInt(TensorLifetime::lastOp).max().orElse(0) : 0;
            if (inputsInPlace) {
                lifetimes.removeIf(t -> inputs.contains(t.tensor()));
            }
            lifetimes.add(new TensorLifetime(inputRegion, inputBytes, 0, Math.max(lastRead, 0)));
        }
        if (outputCopies) {
            int end = model.operators().size();
            lifetimes.add(new TensorLifetime(outputRegion, outputBytes, end, end));
        }
        MemoryPlan planned = MemoryPlanner.plan(lifetimes, ARENA_ALIGNMENT);
        MemoryPlan plan = inputsInPlace ? planned.withSlices(inputRegion, model.inputs(), interfaceSizes(model)) : planned;
        CArena arena = new CArena(plan::offsetOf);

        List<KernelCall> calls = new ArrayList<>();
        if (inputCopies) {
            calls.add(regionCopies(model, model.inputs(), arena, inputRegion, true));
        }
        for (int i = 0; i < model.operators().size(); i++) {
            if (!folded.skipped().contains(i)) {
                calls.add(lower(model, i, model.operators().get(i), source, arena, profile));
            }
        }
        if (outputCopies) {
            calls.add(regionCopies(model, model.outputs(), arena, outputRegion, false));
        }
        Set<Integer> constants = new TreeSet<>();
        calls.forEach(call -> constants.addAll(call.constantTensors()));
        int constantBytes = constants.stream().mapToInt(t -> (int) model.tensor(t).byteSize()).sum()
                + calls.stream().mapToInt(KernelCall::preparedBytes).sum();

        String header = header(modelHash, source, plan, model, inputBytes, outputBytes);
        String c = source(model, modelHash, source, plan, calls, constants, arena, inputRegion, outputRegion, floatArena, profile);
        return new CompiledModel(modelHash, header, c, plan, constantBytes, inputBytes, outputBytes, profile);
    }

    /**
     * Whether the inputs can lie one after the other in the input region themselves: each a whole number of words
     * (so the next starts aligned), each a distinct tensor that only the host writes (not a graph output, not state).
     */
    private static boolean inputsFitInPlace(TfliteModel model) {
        Set<Integer> outputs = Arrays.stream(model.outputs()).boxed().collect(Collectors.toSet());
        return Arrays.stream(model.inputs()).distinct().count() == model.inputs().length
                && Arrays.stream(model.inputs()).allMatch(t -> model.tensor(t).byteSize() % ARENA_ALIGNMENT == 0
                && !model.tensor(t).variable() && !outputs.contains(t));
    }

    private static int[] interfaceSizes(TfliteModel model) {
        return Arrays.stream(model.inputs()).map(t -> (int) model.tensor(t).byteSize()).toArray();
    }

    private static int interfaceBytes(TfliteModel model, int[] tensors) {
        int bytes = 0;
        for (int t : tensors) {
            bytes += (int) model.tensor(t).byteSize();
        }
        return bytes;
    }

    /**
     * Copies between the interface tensors, in the model's order, and their region (bytes, whatever their type): into
     * the tensors for the inputs, out of them for the outputs.
     */
    private static KernelCall regionCopies(TfliteModel model, int[] tensors, CArena arena, int region, boolean intoTensors) {
        StringBuilder calls = new StringBuilder();
        int offset = 0;
        for (int t : tensors) {
            long bytes = model.tensor(t).byteSize();
            String inRegion = arena.pointer(region) + " + " + offset;
            calls.append(calls.length() == 0 ? "" : "\n    ").append("tinyml_reshape(")
                    .append(intoTensors ? inRegion : arena.pointer(t)).append(", ")
                    .append(intoTensors ? arena.pointer(t) : inRegion).append(", ").append(bytes).append(");");
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
        if (model.inputs().length < 1 || model.outputs().length < 1) {
            throw new CompilationException(source + ": the graph has " + model.inputs().length + " inputs and "
                    + model.outputs().length + " outputs; it needs at least one of each");
        }
        List<Tensor> interfaceTensors = new ArrayList<>(model.inputTensors());
        interfaceTensors.addAll(model.outputTensors());
        for (Tensor tensor : interfaceTensors) {
            boolean quantized = (tensor.type() == TensorType.INT8 || tensor.type() == TensorType.INT16)
                    && tensor.quantization() != null;
            if (!quantized && tensor.type() != TensorType.FLOAT32) {
                throw new CompilationException(source + ": graph input/output '" + tensor.name() + "' is " + tensor.type()
                        + (tensor.type() == TensorType.INT8 || tensor.type() == TensorType.INT16 ? " without quantization" : "")
                        + "; only quantized int8 or int16 and float32 interfaces are supported");
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

    private static String header(String modelHash, String source, MemoryPlan plan, TfliteModel model, int inputBytes,
                                 int outputBytes) {
        return "/* Generated by TinyMLaaS from " + fileName(source) + ". Do not edit. */\n"
                + "#ifndef TINYML_MODEL_H\n#define TINYML_MODEL_H\n\n#include <stdint.h>\n\n"
                + "#define TINYML_MODEL_HASH \"" + modelHash + "\"\n"
                + "#define TINYML_MODEL_INPUT_BYTES " + inputBytes + "\n"
                + "#define TINYML_MODEL_OUTPUT_BYTES " + outputBytes + "\n"
                + "#define TINYML_MODEL_ARENA_BYTES " + plan.arenaBytes() + "\n"
                + quantizationMacros("INPUT", model.input()) + quantizationMacros("OUTPUT", model.output())
                + regionMacros("INPUT", model.inputTensors()) + regionMacros("OUTPUT", model.outputTensors()) + "\n"
                + "int8_t *tinyml_model_input(void);\n"
                + "const int8_t *tinyml_model_output(void);\n"
                + "void tinyml_model_invoke(void);\n\n"
                + "#endif\n";
    }

    /**
     * Where each of several inputs (outputs) lies in the input (output) buffer, with its size and quantization; the
     * macros without an index describe the first. Nothing for a model with one input (output).
     */
    private static String regionMacros(String role, List<Tensor> tensors) {
        if (tensors.size() == 1) {
            return "";
        }
        StringBuilder macros = new StringBuilder("#define TINYML_MODEL_" + role + "_COUNT " + tensors.size() + "\n");
        StringBuilder list = new StringBuilder("#define TINYML_MODEL_" + role + "_TENSORS(X)");
        long offset = 0;
        for (int k = 0; k < tensors.size(); k++) {
            Tensor tensor = tensors.get(k);
            String name = role + "_" + k;
            boolean isFloat = tensor.type() == TensorType.FLOAT32;
            macros.append("#define TINYML_MODEL_").append(name).append("_OFFSET ").append(offset).append('\n')
                    .append("#define TINYML_MODEL_").append(name).append("_BYTES ").append(tensor.byteSize()).append('\n')
                    .append(quantizationMacros(name, tensor));
            list.append(" \\\n    X(").append(offset).append("u, ").append(tensor.elementCount()).append("u, ")
                    .append(isFloat ? 1 : 0).append(", ").append(isFloat ? "1.0f" : floatLiteral(tensor.quantization().scale()))
                    .append(", ").append(isFloat ? 0 : tensor.quantization().zeroPoint()).append(')');
            offset += tensor.byteSize();
        }
        return macros.append("/* X(byte offset, values, float32?, scale, zero point) for each, in order */\n")
                .append(list).append('\n').toString();
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
                                 Set<Integer> constants, CArena arena, int inputRegion, int outputRegion, boolean floatArena,
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
        c.append("int8_t *tinyml_model_input(void) { return ").append(arena.pointer(inputRegion)).append("; }\n\n");
        c.append("const int8_t *tinyml_model_output(void) { return ").append(arena.pointer(outputRegion)).append("; }\n\n");
        c.append("void tinyml_model_invoke(void) {\n");
        calls.forEach(call -> c.append("    ").append(call.call()).append('\n'));
        c.append("}\n");
        return c.toString();
    }

    private static String constantArray(int index, Tensor tensor) {
        String cType = switch (tensor.type()) {
            case INT8 -> "int8_t";
            case INT16 -> "int16_t";
            case INT32 -> "int32_t";
            case INT64 -> "int64_t";
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
            long value = switch (tensor.type()) {
                case INT8 -> data.get(i);
                case INT16 -> data.getShort(i * 2);
                case INT64 -> data.getLong(i * 8);
                default -> data.getInt(i * 4);
            };
            c.append(integerLiteral(value)).append(',');
        }
        c.append("\n};\n");
        return c.toString();
    }

    /** The two most negative values of int32 and int64 have no literal of their own type in C. */
    private static String integerLiteral(long value) {
        if (value == Long.MIN_VALUE) {
            return "(-9223372036854775807LL - 1)";
        }
        return value == Integer.MIN_VALUE ? "(-2147483647 - 1)" : Long.toString(value);
    }

    private static String floatLiteral(float value) {
        return Float.toString(value).replace("E", "e") + "f";
    }

    private static String fileName(String source) {
        return java.nio.file.Path.of(source).getFileName().toString().replace("*/", "* /");
    }
}
