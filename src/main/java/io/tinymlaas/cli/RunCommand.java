package io.tinymlaas.cli;

import io.tinymlaas.app.NetworkTest;
import io.tinymlaas.compile.ArithmeticProfile;
import io.tinymlaas.compile.CompiledModel;
import io.tinymlaas.core.TinymlException;
import io.tinymlaas.lifecycle.NetworkTester.InputFormat;
import io.tinymlaas.lifecycle.NetworkTester.InputResult;
import io.tinymlaas.lifecycle.NetworkTester.Inputs;
import io.tinymlaas.lifecycle.NetworkTester.Judge;
import io.tinymlaas.lifecycle.NetworkTester.Result;
import io.tinymlaas.tflite.Tensor;
import io.tinymlaas.tflite.TensorType;
import io.tinymlaas.tflite.TfliteModel;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.LongSummaryStatistics;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Network tester: runs your inputs through a .tflite model twice, in the TFLite 2.6 reference interpreter and "
                + "compiled by us on a target, and compares every output: int8 and int16 outputs must be identical, float32 outputs within "
                + "1e-5 of the reference, measured as |ours - reference| / max(|reference|, 1).",
                "The model must have one or more inputs and outputs, each int8 or int16 (quantized) or float32, and only supported "
                        + "operators; otherwise it is refused with one line and exit code 2. Where the 2.6 interpreter rejects "
                        + "a model that TFLM runs (a per-tensor scale with an out-of-range quantized_dimension), one line says so "
                        + "and a board is judged against our x86 build instead; on x86 the outputs are shown unjudged."},
        footer = {"", "Input file formats (--format auto picks text for .txt/.csv/.tsv files and for files holding only ASCII "
                + "numbers and separators, raw otherwise):",
                "  raw   the input tensors' bytes back to back: N x the model's input size in bytes (with several inputs, each "
                        + "inference's input tensors one after the other in the model's order). An int8 input is one "
                        + "byte per value, an int16 input (the 16x8 scheme) 2 bytes, little-endian; a float32 input is 4 bytes per value, IEEE 754 single precision, little-endian "
                        + "(e.g. numpy's x.astype('<f4').tofile(path)).",
                "  text  real numbers separated by commas and/or whitespace, N x the model's input element count (all its "
                        + "input tensors, in order); for an "
                        + "int8 or int16 input each is quantized with the model's input scale and zero point (q = round(x / scale) + "
                        + "zero_point, clamped to [-128, 127] or [-32768, 32767]); for a float32 input each is taken as it is.",
                "", "Prints per input (up to --show) and in total the largest |ours - reference| in LSB, the number of differing "
                + "outputs and, on boards, the instructions per inference; writes target/tinyml/reports/run-<model>-<target>/report.json.",
                "Exit codes: 0 identical to the reference (float32: within 1e-5), 1 outputs differ, 2 refused (model, input file, "
                        + "target)."})
final class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    Main main;

    @Parameters(index = "0", description = "the .tflite model (int8, int16 or float32 interface)")
    Path model;

    @Option(names = "--input", required = true, description = "the input file: raw tensor bytes or text numbers (see below)")
    Path input;

    @Option(names = {"--board", "--target"}, defaultValue = "x86",
            description = "x86 (a local container) or a board id from `tinyml boards` (default: ${DEFAULT-VALUE})")
    String target;

    @Option(names = "--format", defaultValue = "auto", description = "auto, raw or text (default: ${DEFAULT-VALUE})")
    String format;

    @Option(names = "--show", defaultValue = "10",
            description = "inputs listed one by one, with our output tensors, at most (default: ${DEFAULT-VALUE})")
    int show;

    @Option(names = "--reference", defaultValue = "tflite-2.6", paramLabel = "<profile>",
            description = "whose arithmetic to reproduce: tflite-2.6 (the interpreter, the default) or tflm (TensorFlow Lite "
                    + "Micro's; then outputs are compared with our x86 build of the same model, and the interpreter's "
                    + "differences are listed beside)")
    String reference;

    @Option(names = "--report-dir", description = "where report.json goes (default: the project's target/tinyml/reports/run-<model>-<target>)")
    Path reportDir;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        InputFormat inputFormat = parseFormat(format);
        if (show < 0) {
            throw new TinymlException("--show " + show + ": give how many inputs to list, 0 or more");
        }
        ArithmeticProfile profile = ArithmeticProfile.parse(reference);
        NetworkTest test = main.tinyml().networkTest(model, input, inputFormat, target, reportDir, profile);
        Inputs inputs = test.inputs();
        CompiledModel compiled = test.model().compiled();
        if (test.judge().note() != null) {
            out.printf("%s: %s%n", model, test.judge().note());
        }
        int inputTensors = test.model().tflite().model().inputs().length;
        out.printf("%s: %d input(s) of %d bytes (%s%s), %d output bytes each; %s%n", model,
                inputs.tensors().size(), compiled.inputBytes(), inputs.format().name().toLowerCase(java.util.Locale.ROOT),
                inputTensors > 1 ? ", each its " + inputTensors + " tensors back to back" : "", compiled.outputBytes(), test.judge().judges() ? test.judge().name()
                        + (test.interpreterIsTheOracle() ? "" : " (--reference " + profile.cliName() + ")") + " vs ours on " + target
                        : "ours on " + target + ", unjudged");
        if (!test.interpreterIsTheOracle()) {
            out.printf("--reference %s: the TF Lite 2.6 interpreter computes differently, so it is not the oracle here: %s%n",
                    profile.cliName(), test.targetIsItsOwnOracle() ? "x86 is the oracle itself; only the interpreter's differences "
                            + "are measured" : "outputs are compared with our x86 build in the same profile");
        }
        if (inputs.clamped() > 0) {
            out.printf("note: %d input value(s) were outside the int8 range after quantization and were clamped%n", inputs.clamped());
        }
        Result result = test.run();
        TfliteModel tflite = test.model().tflite().model();
        print(out, result, java.util.Arrays.stream(tflite.outputs()).mapToObj(tflite::tensor).toList());
        if (!test.interpreterIsTheOracle()) {
            try {
                printInterpreterDifferences(out, test.versusInterpreter(result));
            } catch (TinymlException e) {
                // The verdict stands without it: e.g. TFLM runs models the 2.6 interpreter rejects.
                out.printf("versus TF Lite 2.6: not measured (%s)%n", e.getMessage().lines().findFirst().orElse(""));
            }
        }
        return result.passed() ? 0 : 1;
    }

    private void print(PrintWriter out, Result result, List<Tensor> outputTensors) {
        int listed = Math.min(show, result.perInput().size());
        for (int i = 0; i < listed; i++) {
            InputResult r = result.perInput().get(i);
            String judged = result.judgedAgainst() == null ? "unjudged" : String.format(Locale.ROOT, "%s, %d of %d outputs differ",
                    difference(result, r.maxDiffLsb(), r.maxFloatDiff()), r.differingOutputs(), result.outputElements());
            out.printf("input %d: %s%s%n", r.index(), judged, r.instructions() == null ? "" : ", " + r.instructions() + " instructions"
                    + (r.estimatedCycles() == null ? "" : String.format(Locale.ROOT, ", about %d cycles (%.3f ms at the board's clock)",
                            r.estimatedCycles(), r.estimatedMs())));
            out.printf("  output %s%n", outputs(result, r, outputTensors));
        }
        if (listed < result.perInput().size()) {
            out.printf("... %d more input(s) not listed (--show)%n", result.perInput().size() - listed);
        }
        if (result.judgedAgainst() == null) {
            out.printf("total: %d input(s), unjudged%n", result.inputCount());
        } else {
            out.printf("total: %d input(s), %s, %d of %d outputs differ in %d input(s)%s%n",
                    result.inputCount(), difference(result, result.maxDiffLsb(), result.maxFloatDiff()), result.differingOutputs(),
                    result.inputCount() * result.outputElements(), result.mismatchedInputs(),
                    result.firstMismatch() < 0 ? "" : " (first: input " + result.firstMismatch() + ")");
        }
        if (!result.instructions().isEmpty()) {
            LongSummaryStatistics stats = result.instructions().stream().mapToLong(Long::longValue).summaryStatistics();
            out.printf("instructions per inference: mean %.0f, min %d, max %d%n", stats.getAverage(), stats.getMin(), stats.getMax());
            if (result.meanEstimatedCycles() != null) {
                out.printf(Locale.ROOT, "estimated cycles per inference on the board: mean %.0f = %.3f ms at its clock "
                        + "(README: Cycles, estimated)%n", result.meanEstimatedCycles(), result.meanEstimatedMs());
            }
        }
        String verdict = result.judgedAgainst() == null ? "UNJUDGED"
                : !result.passed() ? "DIFFERENT"
                : result.maxFloatDiff() > 0 ? String.format(java.util.Locale.ROOT, "WITHIN %.0e", NetworkTest.FLOAT_TOLERANCE)
                : "BIT-IDENTICAL";
        out.printf("%s on %s%s; report: %s%n", verdict, result.ranOn(),
                result.judgedAgainst() == null || result.judgedAgainst().equals(Judge.INTERPRETER) ? ""
                        : " (against " + result.judgedAgainst() + ")", result.report());
    }

    /** How far this profile's outputs are from the TF Lite 2.6 interpreter's: informative, never the verdict. */
    private void printInterpreterDifferences(PrintWriter out, Result versus) {
        int listed = Math.min(show, versus.perInput().size());
        for (int i = 0; i < listed; i++) {
            InputResult r = versus.perInput().get(i);
            out.printf("versus TF Lite 2.6, input %d: %d of %d outputs differ, %s%n", r.index(), r.differingOutputs(),
                    versus.outputElements(), difference(versus, r.maxDiffLsb(), r.maxFloatDiff()).replace("reference", "2.6"));
        }
        out.printf("versus TF Lite 2.6 (by design, README: TFLM-exact outputs): %d of %d outputs differ in %d of %d input(s), %s%n",
                versus.differingOutputs(), versus.inputCount() * versus.outputElements(), versus.mismatchedInputs(),
                versus.inputCount(), difference(versus, versus.maxDiffLsb(), versus.maxFloatDiff()).replace("reference", "2.6"));
    }

    /** Our output tensors: int8 or int16 as the stored values and dequantized, float32 as they are. */
    private static String outputs(Result result, InputResult r, List<Tensor> outputTensors) {
        StringBuilder values = new StringBuilder();
        for (float v : r.values()) {
            values.append(values.length() == 0 ? "" : ", ").append(String.format(java.util.Locale.ROOT, "%.6g", v));
        }
        if (result.floatOutputs()) {
            return "[" + values + "]";
        }
        boolean int16 = outputTensors.stream().allMatch(t -> t.type() == TensorType.INT16);
        ByteBuffer bytes = ByteBuffer.wrap(r.output()).order(ByteOrder.LITTLE_ENDIAN);
        StringBuilder stored = new StringBuilder();
        while (bytes.hasRemaining()) {
            stored.append(stored.length() == 0 ? "" : ", ").append(int16 ? bytes.getShort() : bytes.get());
        }
        return (int16 ? "int16 [" : "int8 [") + stored + "] = [" + values + "]";
    }

    /** int8 outputs in LSB; float32 outputs as |ours - reference| / max(|reference|, 1) (and any int8 difference beside). */
    private static String difference(Result result, int lsb, double floatDiff) {
        if (!result.floatOutputs()) {
            return "max |ours - reference| " + lsb + " LSB";
        }
        return String.format(java.util.Locale.ROOT, "max |ours - reference| / max(|reference|, 1) %.3g (tolerance %.0e)%s",
                floatDiff, NetworkTest.FLOAT_TOLERANCE, lsb > 0 ? ", int8 outputs " + lsb + " LSB" : "");
    }

    private static InputFormat parseFormat(String format) {
        try {
            return InputFormat.valueOf(format.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new TinymlException("unknown --format '" + format + "'; use auto, raw or text");
        }
    }
}
