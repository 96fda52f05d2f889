package io.tinymlaas.lifecycle;

import io.tinymlaas.compile.CompiledFile;
import io.tinymlaas.core.TinymlException;
import io.tinymlaas.device.InferenceTarget;
import io.tinymlaas.device.TargetRun;
import io.tinymlaas.device.cycles.CycleEstimate;
import io.tinymlaas.oracle.ReferenceInterpreter;
import io.tinymlaas.oracle.ReferenceLimits;
import io.tinymlaas.report.ReportWriter;
import io.tinymlaas.tflite.Quantization;
import io.tinymlaas.tflite.Tensor;
import io.tinymlaas.tflite.TensorType;
import io.tinymlaas.tflite.TfliteModel;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The network tester: any supported int8 or float32 .tflite file and the user's own inputs, run through the TFLite
 * reference interpreter and through our compiled model on a target, compared output by output: int8 outputs must be
 * identical; float32 outputs must be within {@link #FLOAT_TOLERANCE}, measured as |ours − reference| / max(|reference|,
 * 1) (relative, with an absolute floor for values below one, where a different but equally valid summation order
 * leaves rounding differences that a pure relative measure would magnify without bound). A model with several
 * outputs is compared on all of them, one after the other in the model's order.
 *
 * <p>Inputs come from one file, in one of two formats:
 * <ul>
 *   <li>raw: the input tensors' bytes back to back, N × the model's input size: int8 values, or float32 values in
 *       little-endian byte order;</li>
 *   <li>text: real numbers separated by commas and/or whitespace, N × the model's input element count; for an int8
 *       input quantized with its scale and zero point (round half away from zero, clamped to [-128, 127]), for a
 *       float32 input taken as they are (rounded to float).</li>
 * </ul>
 */
public final class NetworkTester {

    /** Float outputs pass within this difference of the reference (see the class comment). */
    public static final double FLOAT_TOLERANCE = 1e-5;

    /** How the input file is read; AUTO picks text for .txt/.csv/.tsv files and for files of ASCII numbers only. */
    public enum InputFormat { AUTO, RAW, TEXT }

    /** Inputs read from a file, as the model's input tensor bytes, with how they were read. */
    public record Inputs(List<byte[]> tensors, InputFormat format, int clamped) {
    }

    /**
     * What a target's outputs are judged against: the reference interpreter; or, for a model it rejects though TFLM
     * runs it ({@code note} says which check could not be made), our x86 build when the target is a board, and
     * nothing on x86 itself, where the outputs are shown unjudged.
     */
    public record Judge(String name, String note, InferenceTarget x86Build) {

        public static final String INTERPRETER = "reference TFLite 2.6";
        static final String X86_BUILD = "our x86 build";
        static final String NOTHING = "nothing";

        public static Judge interpreter() {
            return new Judge(INTERPRETER, null, null);
        }

        public static Judge x86Build(String rejection, InferenceTarget x86) {
            return new Judge(X86_BUILD, rejection + "; judged against our x86 build instead", x86);
        }

        public static Judge nothing(String rejection) {
            return new Judge(NOTHING, rejection + "; no second reference for our x86 build itself, so its outputs are "
                    + "shown unjudged", null);
        }

        /**
         * Another arithmetic profile than the interpreter's (TFLM's): our x86 build in the same profile judges a board;
         * on x86 ({@code x86} null) nothing does, and only the differences from the interpreter tell.
         */
        public static Judge inProfile(InferenceTarget x86) {
            return x86 == null ? new Judge(NOTHING, null, null) : new Judge(X86_BUILD, null, x86);
        }

        public boolean judges() {
            return !name.equals(NOTHING);
        }

        /** The expected outputs for {@code inputs}; null when nothing judges them. */
        List<byte[]> expected(CompiledFile model, List<byte[]> inputs) {
            if (x86Build != null) {
                return x86Build.run(model.compiled(), inputs).outputs();
            }
            return name.equals(INTERPRETER) ? reference(model, inputs) : null;
        }
    }

    /**
     * One input's comparison: the largest int8 difference in LSB, the largest float32 difference (see the class comment),
     * how many output elements differ (int8) or are beyond the tolerance (float32), instructions if counted; our output
     * as its bytes and as real values (int8 dequantized), every output tensor in the model's order; the cycles and
     * milliseconds estimated for the real board, where estimated.
     */
    public record InputResult(int index, int maxDiffLsb, double maxFloatDiff, int differingOutputs, Long instructions, byte[] output,
                              float[] values, Long estimatedCycles, Double estimatedMs) {
    }

    /** The whole run. {@code bitIdentical()} decides the exit code. */
    public record Result(String model, String target, String ranOn, String judgedAgainst, int inputCount, int outputElements,
                         boolean floatOutputs,
                         int maxDiffLsb, double maxFloatDiff, int differingOutputs, int mismatchedInputs, int firstMismatch,
                         List<InputResult> perInput, List<Long> instructions, InputFormat inputFormat, int clampedInputValues,
                         Path report) {

        /** Every int8 output identical and every float32 output within the tolerance (nothing differs when unjudged). */
        public boolean passed() {
            return differingOutputs == 0;
        }

        public Double meanInstructions() {
            return instructions.isEmpty() ? null : instructions.stream().mapToLong(Long::longValue).average().orElse(0);
        }

        /** The mean estimated cycles per inference on the real board; null where not estimated. */
        public Double meanEstimatedCycles() {
            return perInput.stream().allMatch(r -> r.estimatedCycles() != null) && !perInput.isEmpty()
                    ? perInput.stream().mapToLong(InputResult::estimatedCycles).average().orElseThrow() : null;
        }

        /** {@link #meanEstimatedCycles()} in milliseconds at the board's clock. */
        public Double meanEstimatedMs() {
            return perInput.stream().allMatch(r -> r.estimatedMs() != null) && !perInput.isEmpty()
                    ? perInput.stream().mapToDouble(InputResult::estimatedMs).average().orElseThrow() : null;
        }
    }

    private NetworkTester() {
    }



    /**
     * Reads the input file as raw tensors or as text numbers (see the class comment), refusing sizes that do not fit. A
     * model with several inputs takes, per inference, every input tensor in the model's order.
     */
    public static Inputs readInputs(Path file, List<Tensor> inputTensors, InputFormat format) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new TinymlException(file + ": no such file");
        } catch (IOException e) {
            throw new TinymlException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
        InputFormat chosen = format == InputFormat.AUTO ? detect(file, bytes) : format;
        return chosen == InputFormat.TEXT ? readText(file, bytes, inputTensors) : readRaw(file, bytes, inputTensors);
    }

    static InputFormat detect(Path file, byte[] bytes) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".txt") || name.endsWith(".csv") || name.endsWith(".tsv")) {
            return InputFormat.TEXT;
        }
        if (name.endsWith(".bin") || name.endsWith(".raw")) {
            return InputFormat.RAW;
        }
        boolean digit = false;
        for (byte b : bytes) {
            char c = (char) (b & 0xff);
            if (c >= '0' && c <= '9') {
                digit = true;
            } else if ("+-.eE,; \t\r\n".indexOf(c) < 0) {
                return InputFormat.RAW;
            }
        }
        return digit ? InputFormat.TEXT : InputFormat.RAW;
    }

    private static Inputs readRaw(Path file, byte[] bytes, List<Tensor> inputTensors) {
        int size = (int) inputTensors.stream().mapToLong(Tensor::byteSize).sum();
        if (bytes.length == 0 || bytes.length % size != 0) {
            throw new TinymlException(file + ": " + bytes.length + " bytes is not a whole number of input tensors of " + size
                    + " bytes (" + describe(inputTensors) + "); raw inputs are the tensors' bytes back to back");
        }
        List<byte[]> tensors = new ArrayList<>(bytes.length / size);
        for (int at = 0; at < bytes.length; at += size) {
            tensors.add(Arrays.copyOfRange(bytes, at, at + size));
        }
        return new Inputs(tensors, InputFormat.RAW, 0);
    }

    /** Each inference's numbers fill the input tensors in order: a float32 one as they are, an int8 or int16 one quantized. */
    private static Inputs readText(Path file, byte[] bytes, List<Tensor> inputTensors) {
        String[] tokens = tokens(file, bytes, inputTensors);
        int elements = (int) inputTensors.stream().mapToLong(Tensor::elementCount).sum();
        int size = (int) inputTensors.stream().mapToLong(Tensor::byteSize).sum();
        List<byte[]> tensors = new ArrayList<>(tokens.length / elements);
        int clamped = 0;
        for (int start = 0; start < tokens.length; ) {
            ByteBuffer inference = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
            for (Tensor tensor : inputTensors) {
                for (long i = 0; i < tensor.elementCount(); i++, start++) {
                    boolean isFloat = tensor.type() == TensorType.FLOAT32;
                    float value = (float) number(file, tokens[start], start, isFloat);
                    if (isFloat) {
                        inference.putFloat(value);
                        continue;
                    }
                    Quantization q = tensor.quantization();
                    boolean int16 = tensor.type() == TensorType.INT16;
                    long low = int16 ? Short.MIN_VALUE : -128;
                    long high = int16 ? Short.MAX_VALUE : 127;
                    long quantized = io.tinymlaas.core.Rounding.halfAwayFromZero(value / (double) q.scale()) + q.zeroPoint();
                    clamped += quantized < low || quantized > high ? 1 : 0;
                    long kept = Math.max(low, Math.min(high, quantized));
                    if (int16) {
                        inference.putShort((short) kept);
                    } else {
                        inference.put((byte) kept);
                    }
                }
            }
            tensors.add(inference.array());
        }
        return new Inputs(tensors, InputFormat.TEXT, clamped);
    }

    /**
     * One text number; {@code index} counts from 0. For a float32 input it must be a finite float; for an int8 one a
     * finite number, as it is quantized and clamped anyway.
     */
    private static double number(Path file, String token, int index, boolean asFloat) {
        double value;
        try {
            value = asFloat ? Float.parseFloat(token) : Double.parseDouble(token);
        } catch (NumberFormatException e) {
            throw new TinymlException(file + ": '" + token + "' (number " + (index + 1) + ") is not a number");
        }
        if (!Double.isFinite(value)) {
            throw new TinymlException(file + ": '" + token + "' (number " + (index + 1) + ") is not a finite "
                    + (asFloat ? "float" : "number"));
        }
        return value;
    }

    /** The numbers of a text input file (split at commas, semicolons and white space), checked to fill whole inputs. */
    private static String[] tokens(Path file, byte[] bytes, List<Tensor> inputTensors) {
        for (int i = 0; i < bytes.length; i++) {
            // a control byte means a binary file: quoting it as a "number" would print its bytes to the terminal
            if (bytes[i] >= 0 && bytes[i] < 0x20 && "\t\n\r\f".indexOf(bytes[i]) < 0 || bytes[i] == 0x7f) {
                throw new TinymlException(String.format(Locale.ROOT, "%s: not a text file (byte %d is 0x%02x); read it with --format raw",
                        file, i, bytes[i]));
            }
        }
        String text = new String(bytes, StandardCharsets.UTF_8).trim();
        String[] tokens = text.isEmpty() ? new String[0] : text.split("[,;\\s]+");
        int elements = (int) inputTensors.stream().mapToLong(Tensor::elementCount).sum();
        if (tokens.length == 0 || tokens.length % elements != 0) {
            throw new TinymlException(file + ": " + tokens.length + " numbers is not a whole number of inputs of " + elements
                    + " values (" + describe(inputTensors) + ")");
        }
        return tokens;
    }

    /** The input tensors' types and shapes, e.g. "INT8[1, 4] + FLOAT32[1, 2]". */
    private static String describe(List<Tensor> inputTensors) {
        return String.join(" + ", inputTensors.stream().map(t -> t.type() + Arrays.toString(t.shape())).toList());
    }

    /** The reference interpreter's outputs for every input. */
    public static List<byte[]> reference(CompiledFile model, List<byte[]> inputs) {
        List<byte[]> outputs = new ArrayList<>(inputs.size());
        try (ReferenceInterpreter reference = interpreter(model)) {
            for (byte[] input : inputs) {
                outputs.add(reference.invoke(input));
            }
        }
        return outputs;
    }

    /** Refuses, in one line, a model the reference interpreter cannot run as our compiler sees it; before anything runs. */
    public static void requireReference(CompiledFile model) {
        interpreter(model).close();
    }

    private static ReferenceInterpreter interpreter(CompiledFile model) {
        ReferenceLimits.rejection(model.tflite().model()).ifPresent(rejection -> {
            throw new TinymlException(model.file() + ": " + rejection);
        });
        ReferenceInterpreter reference = ReferenceInterpreter.load(model.tflite().bytes(), model.file().toString());
        if (reference.inputBytes() != model.compiled().inputBytes() || reference.outputBytes() != model.compiled().outputBytes()) {
            reference.close();
            throw new TinymlException(model.file() + ": the reference interpreter sees " + reference.inputBytes() + " input and "
                    + reference.outputBytes() + " output bytes, our compiler " + model.compiled().inputBytes() + " and "
                    + model.compiled().outputBytes());
        }
        return reference;
    }

    /** Compares our outputs with the reference's, element by element: int8 outputs in LSB, float32 ones relatively. */
    public static Result compare(String model, String target, TargetRun run, String judgedAgainst, List<byte[]> reference,
                                 Inputs inputs, Path report, List<Tensor> outputTensors) {
        if (run.outputs().size() != reference.size()) {
            throw new TinymlException(target + " returned " + run.outputs().size() + " outputs for " + reference.size() + " inputs");
        }
        List<InputResult> perInput = new ArrayList<>(reference.size());
        int maxDiff = 0;
        double maxFloatDiff = 0;
        int differing = 0;
        int mismatched = 0;
        int first = -1;
        for (int i = 0; i < reference.size(); i++) {
            ByteBuffer ours = ByteBuffer.wrap(run.outputs().get(i)).order(ByteOrder.LITTLE_ENDIAN);
            ByteBuffer expected = ByteBuffer.wrap(reference.get(i)).order(ByteOrder.LITTLE_ENDIAN);
            int diff = 0;
            double floatDiff = 0;
            int count = 0;
            for (Tensor tensor : outputTensors) {
                for (long j = 0; j < tensor.elementCount(); j++) {
                    if (tensor.type() == TensorType.FLOAT32) {
                        float o = ours.getFloat();
                        float r = expected.getFloat();
                        double d = Math.abs((double) o - r) / Math.max(Math.abs((double) r), 1.0);
                        d = Double.isNaN(d) ? (Float.isNaN(o) && Float.isNaN(r) ? 0 : Double.POSITIVE_INFINITY) : d;
                        floatDiff = Math.max(floatDiff, d);
                        count += d <= FLOAT_TOLERANCE ? 0 : 1;
                    } else {
                        int d = Math.abs(quantized(ours, tensor) - quantized(expected, tensor));
                        diff = Math.max(diff, d);
                        count += d == 0 ? 0 : 1;
                    }
                }
            }
            if (count > 0) {
                mismatched++;
                first = first < 0 ? i : first;
            }
            maxDiff = Math.max(maxDiff, diff);
            maxFloatDiff = Math.max(maxFloatDiff, floatDiff);
            differing += count;
            Long instructions = i < run.instructions().size() ? run.instructions().get(i) : null;
            CycleEstimate estimate = i < run.estimates().size() ? run.estimates().get(i) : null;
            perInput.add(new InputResult(i, diff, floatDiff, count, instructions, run.outputs().get(i),
                    values(run.outputs().get(i), outputTensors), estimate == null ? null : estimate.cycles(),
                    estimate == null ? null : estimate.milliseconds()));
        }
        int outputElements = (int) outputTensors.stream().mapToLong(Tensor::elementCount).sum();
        boolean floatOutputs = outputTensors.stream().anyMatch(t -> t.type() == TensorType.FLOAT32);
        return new Result(model, target, run.description(), judgedAgainst, reference.size(), outputElements, floatOutputs, maxDiff, maxFloatDiff,
                differing, mismatched, first, perInput, run.instructions(), inputs.format(), inputs.clamped(), report);
    }

    /**
     * The whole network test: the expected outputs from the judge, the target's run, the comparison, and
     * {@code report.json} in {@code reportDirectory}.
     */
    public static Result run(CompiledFile model, Inputs inputs, InferenceTarget target, String targetId, Judge judge,
                             Path reportDirectory) {
        List<byte[]> expected = judge.expected(model, inputs.tensors());
        TargetRun run = target.run(model.compiled(), inputs.tensors());
        Path report = reportDirectory.resolve("report.json");
        Result result = compare(model.name(), targetId, run, judge.judges() ? judge.name() : null,
                expected == null ? run.outputs() : expected, inputs, report, model.tflite().model().outputTensors());
        ReportWriter.writeJson(json(model, result, run), report);
        return result;
    }

    /** Our outputs of a finished run against the TF Lite 2.6 interpreter's, output by output (no report written). */
    public static Result versusInterpreter(CompiledFile model, Inputs inputs, Result ours) {
        List<byte[]> outputs = ours.perInput().stream().map(InputResult::output).toList();
        TargetRun run = new TargetRun(outputs, ours.instructions(), null, ours.ranOn());
        return compare(model.name(), ours.target(), run, Judge.INTERPRETER, reference(model, inputs.tensors()), inputs,
                ours.report(), model.tflite().model().outputTensors());
    }

    /** The output bytes as real values: int8 dequantized with each tensor's scale and zero point, float32 as they are. */
    static float[] values(byte[] output, List<Tensor> tensors) {
        ByteBuffer in = ByteBuffer.wrap(output).order(ByteOrder.LITTLE_ENDIAN);
        float[] values = new float[(int) tensors.stream().mapToLong(Tensor::elementCount).sum()];
        int at = 0;
        for (Tensor tensor : tensors) {
            for (long j = 0; j < tensor.elementCount(); j++) {
                values[at++] = tensor.type() == TensorType.FLOAT32 ? in.getFloat()
                        : (float) tensor.quantization().dequantize(quantized(in, tensor));
            }
        }
        return values;
    }

    /** The next quantized value of a tensor's bytes: int16 (the 16x8 scheme's interfaces) or int8. */
    private static int quantized(ByteBuffer bytes, Tensor tensor) {
        return tensor.type() == TensorType.INT16 ? bytes.getShort() : bytes.get();
    }

    private static Map<String, Object> json(CompiledFile model, Result result, TargetRun run) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("model", model.file().toString());
        json.put("model_sha256", model.sha256());
        json.put("target", result.target());
        json.put("ran_on", result.ranOn());
        json.put("judged_against", result.judgedAgainst());
        json.put("finished_at", Instant.now().toString());
        json.put("input_format", result.inputFormat().name().toLowerCase(Locale.ROOT));
        json.put("clamped_input_values", result.clampedInputValues());
        json.put("inputs", result.inputCount());
        json.put("input_bytes", model.compiled().inputBytes());
        json.put("output_bytes", model.compiled().outputBytes());
        json.put("arena_bytes", model.compiled().plan().arenaBytes());
        json.put("constant_bytes", model.compiled().constantBytes());
        json.put("passed", result.passed());
        json.put("bit_identical", result.passed() && result.maxFloatDiff() == 0);
        json.put("max_abs_diff_lsb", result.maxDiffLsb());
        json.put("max_float_diff", result.maxFloatDiff());
        json.put("float_tolerance", result.floatOutputs() ? FLOAT_TOLERANCE : null);
        json.put("differing_outputs", result.differingOutputs());
        json.put("mismatched_inputs", result.mismatchedInputs());
        json.put("first_mismatched_input", result.firstMismatch() < 0 ? null : result.firstMismatch());
        json.put("instructions_per_inference", result.meanInstructions());
        json.put("estimated_cycles_per_inference", result.meanEstimatedCycles());
        json.put("estimated_ms_per_inference", result.meanEstimatedMs());
        json.put("program_size", run.size());
        List<Map<String, Object>> perInput = new ArrayList<>();
        for (InputResult r : result.perInput()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("index", r.index());
            entry.put("max_abs_diff_lsb", r.maxDiffLsb());
            entry.put("max_float_diff", r.maxFloatDiff());
            entry.put("differing_outputs", r.differingOutputs());
            entry.put("instructions", r.instructions());
            entry.put("estimated_cycles", r.estimatedCycles());
            entry.put("estimated_ms", r.estimatedMs());
            perInput.add(entry);
        }
        json.put("per_input", perInput);
        return json;
    }
}
