package io.tinymlaas.lifecycle;

import io.tinymlaas.compile.CompiledFile;
import io.tinymlaas.core.TinymlException;
import io.tinymlaas.device.InferenceTarget;
import io.tinymlaas.device.TargetRun;
import io.tinymlaas.device.cycles.CycleEstimate;
import io.tinymlaas.oracle.ReferenceInterpreter;
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

        Inputs withFormat(InputFormat read) {
            return new Inputs(tensors, read, clamped);
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
    public record Result(String model, String target, String ranOn, int inputCount, int outputElements, boolean floatOutputs,
                         int maxDiffLsb, double maxFloatDiff, int differingOutputs, int mismatchedInputs, int firstMismatch,
                         List<InputResult> perInput, List<Long> instructions, InputFormat inputFormat, int clampedInputValues,
                         Path report) {

        /** Every int8 output identical and every float32 output within the tolerance. */
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



    /** Reads the input file as raw tensors or as text numbers (see the class comment), refusing sizes that do not fit. */
    public static Inputs readInputs(Path file, Tensor input, InputFormat format) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new TinymlException(file + ": no such file");
        } catch (IOException e) {
            throw new TinymlException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
        InputFormat chosen = format == InputFormat.AUTO ? detect(file, bytes) : format;
        return chosen == InputFormat.TEXT ? readText(file, bytes, input) : readRaw(file, bytes, input);
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

    private static Inputs readRaw(Path file, byte[] bytes, Tensor input) {
        int size = (int) input.byteSize();
        if (bytes.length == 0 || bytes.length % size != 0) {
            throw new TinymlException(file + ": " + bytes.length + " bytes is not a whole number of input tensors of " + size
                    + " bytes (" + input.type() + Arrays.toString(input.shape()) + "); raw inputs are the tensors' bytes back to back");
        }
        List<byte[]> tensors = new ArrayList<>(bytes.length / size);
        for (int at = 0; at < bytes.length; at += size) {
            tensors.add(Arrays.copyOfRange(bytes, at, at + size));
        }
        return new Inputs(tensors, InputFormat.RAW, 0);
    }

    private static Inputs readText(Path file, byte[] bytes, Tensor input) {
        if (input.type() == TensorType.FLOAT32) {
            float[] values = numbers(file, bytes, input);
            ByteBuffer all = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
            for (float value : values) {
                all.putFloat(value);
            }
            return readRaw(file, all.array(), input).withFormat(InputFormat.TEXT);
        }
        String[] tokens = tokens(file, bytes, input);
        int elements = (int) input.elementCount();
        Quantization q = input.quantization();
        List<byte[]> tensors = new ArrayList<>(tokens.length / elements);
        int clamped = 0;
        for (int start = 0; start < tokens.length; start += elements) {
            float[] values = new float[elements];
            for (int i = 0; i < elements; i++) {
                String token = tokens[start + i];
                double value;
                try {
                    value = Double.parseDouble(token);
                } catch (NumberFormatException e) {
                    throw new TinymlException(file + ": '" + token + "' (number " + (start + i + 1) + ") is not a number");
                }
                if (!Double.isFinite(value)) {
                    throw new TinymlException(file + ": '" + token + "' (number " + (start + i + 1) + ") is not a finite number");
                }
                values[i] = (float) value;
                long quantized = io.tinymlaas.core.Rounding.halfAwayFromZero(values[i] / (double) q.scale()) + q.zeroPoint();
                if (quantized < -128 || quantized > 127) {
                    clamped++;
                }
            }
            byte[] tensor = new byte[elements];
            for (int i = 0; i < elements; i++) {
                long v = io.tinymlaas.core.Rounding.halfAwayFromZero(values[i] / (double) q.scale()) + q.zeroPoint();
                tensor[i] = (byte) Math.max(-128, Math.min(127, v));
            }
            tensors.add(tensor);
        }
        return new Inputs(tensors, InputFormat.TEXT, clamped);
    }

    /** The text numbers of a float32 input file, checked to fill whole input tensors. */
    private static float[] numbers(Path file, byte[] bytes, Tensor input) {
        String[] tokens = tokens(file, bytes, input);
        float[] values = new float[tokens.length];
        for (int i = 0; i < tokens.length; i++) {
            try {
                values[i] = Float.parseFloat(tokens[i]);
            } catch (NumberFormatException e) {
                throw new TinymlException(file + ": '" + tokens[i] + "' (number " + (i + 1) + ") is not a number");
            }
            if (!Float.isFinite(values[i])) {
                throw new TinymlException(file + ": '" + tokens[i] + "' (number " + (i + 1) + ") is not a finite float");
            }
        }
        return values;
    }

    /** The numbers of a text input file (split at commas, semicolons and white space), checked to fill whole inputs. */
    private static String[] tokens(Path file, byte[] bytes, Tensor input) {
        for (int i = 0; i < bytes.length; i++) {
            // a control byte means a binary file: quoting it as a "number" would print its bytes to the terminal
            if (bytes[i] >= 0 && bytes[i] < 0x20 && "\t\n\r\f".indexOf(bytes[i]) < 0 || bytes[i] == 0x7f) {
                throw new TinymlException(String.format(Locale.ROOT, "%s: not a text file (byte %d is 0x%02x); read it with --format raw",
                        file, i, bytes[i]));
            }
        }
        String text = new String(bytes, StandardCharsets.UTF_8).trim();
        String[] tokens = text.isEmpty() ? new String[0] : text.split("[,;\\s]+");
        int elements = (int) input.elementCount();
        if (tokens.length == 0 || tokens.length % elements != 0) {
            throw new TinymlException(file + ": " + tokens.length + " numbers is not a whole number of inputs of " + elements
                    + " values (" + input.type() + Arrays.toString(input.shape()) + ")");
        }
        return tokens;
    }

    /** The reference interpreter's outputs for every input. */
    public static List<byte[]> reference(CompiledFile model, List<byte[]> inputs) {
        List<byte[]> outputs = new ArrayList<>(inputs.size());
        try (ReferenceInterpreter reference = ReferenceInterpreter.load(model.tflite().bytes(), model.file().toString())) {
            if (reference.inputBytes() != model.compiled().inputBytes()
                    || reference.outputBytes() != model.compiled().outputBytes()) {
                throw new TinymlException(model.file() + ": the reference interpreter sees " + reference.inputBytes() + " input and "
                        + reference.outputBytes() + " output bytes, our compiler " + model.compiled().inputBytes() + " and "
                        + model.compiled().outputBytes());
            }
            for (byte[] input : inputs) {
                outputs.add(reference.invoke(input));
            }
        }
        return outputs;
    }

    /** Compares our outputs with the reference's, element by element: int8 outputs in LSB, float32 ones relatively. */
    public static Result compare(String model, String target, TargetRun run, List<byte[]> reference, Inputs inputs, Path report,
                                 List<Tensor> outputTensors) {
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
                        int d = Math.abs(ours.get() - expected.get());
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
        return new Result(model, target, run.description(), reference.size(), outputElements, floatOutputs, maxDiff, maxFloatDiff,
                differing, mismatched, first, perInput, run.instructions(), inputs.format(), inputs.clamped(), report);
    }

    /**
     * The whole network test: compile (refusing what we cannot compile), read the inputs, run the reference and the
     * target, compare, and write {@code report.json} into {@code reportDirectory}.
     */
    public static Result run(CompiledFile model, Inputs inputs, InferenceTarget target, String targetId, Path reportDirectory) {
        List<byte[]> reference = reference(model, inputs.tensors());
        return compareAndReport(model, inputs, target.run(model.compiled(), inputs.tensors()), reference, targetId, reportDirectory);
    }

    /**
     * The network test of a model compiled for another arithmetic profile than the interpreter's (TFLM's): the outputs
     * are compared with {@code oracle}'s for the same compiled model, our x86 build, or with the target's own when the
     * target is that oracle (then only {@link #versusInterpreter} says anything).
     */
    public static Result runAgainst(CompiledFile model, Inputs inputs, InferenceTarget target, String targetId, Path reportDirectory,
                                    InferenceTarget oracle) {
        TargetRun run = target.run(model.compiled(), inputs.tensors());
        List<byte[]> reference = oracle == null ? run.outputs() : oracle.run(model.compiled(), inputs.tensors()).outputs();
        return compareAndReport(model, inputs, run, reference, targetId, reportDirectory);
    }

    /** Our outputs of a finished run against the TF Lite 2.6 interpreter's, output by output (no report written). */
    public static Result versusInterpreter(CompiledFile model, Inputs inputs, Result ours) {
        List<byte[]> outputs = ours.perInput().stream().map(InputResult::output).toList();
        TargetRun run = new TargetRun(outputs, ours.instructions(), null, ours.ranOn());
        return compare(model.name(), ours.target(), run, reference(model, inputs.tensors()), inputs, ours.report(),
                outputTensors(model.tflite().model()));
    }

    private static Result compareAndReport(CompiledFile model, Inputs inputs, TargetRun run, List<byte[]> reference, String targetId,
                                           Path reportDirectory) {
        Path report = reportDirectory.resolve("report.json");
        Result result = compare(model.name(), targetId, run, reference, inputs, report, outputTensors(model.tflite().model()));
        ReportWriter.writeJson(json(model, result, run), report);
        return result;
    }

    /** The output bytes as real values: int8 dequantized with each tensor's scale and zero point, float32 as they are. */
    static float[] values(byte[] output, List<Tensor> tensors) {
        ByteBuffer in = ByteBuffer.wrap(output).order(ByteOrder.LITTLE_ENDIAN);
        float[] values = new float[(int) tensors.stream().mapToLong(Tensor::elementCount).sum()];
        int at = 0;
        for (Tensor tensor : tensors) {
            for (long j = 0; j < tensor.elementCount(); j++) {
                values[at++] = tensor.type() == TensorType.FLOAT32 ? in.getFloat() : (float) tensor.quantization().dequantize(in.get());
            }
        }
        return values;
    }

    /** The model's output tensors, in its output order (the order of the bytes both sides return). */
    public static List<Tensor> outputTensors(TfliteModel model) {
        List<Tensor> outputs = new ArrayList<>();
        for (int index : model.outputs()) {
            outputs.add(model.tensor(index));
        }
        return outputs;
    }

    private static Map<String, Object> json(CompiledFile model, Result result, TargetRun run) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("model", model.file().toString());
        json.put("model_sha256", model.sha256());
        json.put("target", result.target());
        json.put("ran_on", result.ranOn());
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
