package io.tinymlaas.cli;

import io.tinymlaas.app.NetworkTest;
import io.tinymlaas.compile.ArithmeticProfile;
import io.tinymlaas.compile.CompiledModel;
import io.tinymlaas.core.TinymlException;
import io.tinymlaas.lifecycle.NetworkTester.InputFormat;
import io.tinymlaas.lifecycle.NetworkTester.InputResult;
import io.tinymlaas.lifecycle.NetworkTester.Inputs;
import io.tinymlaas.lifecycle.NetworkTester.Result;
import java.io.PrintWriter;
import java.nio.file.Path;
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
                + "compiled by us on a target, and compares every output: int8 outputs must be identical, float32 outputs within "
                + "1e-5 of the reference, measured as |ours - reference| / max(|reference|, 1).",
                "The model must have one input and one or more outputs, each int8 (quantized) or float32, and only supported "
                        + "operators; otherwise it is refused with one line and exit code 2."},
        footer = {"", "Input file formats (--format auto picks text for .txt/.csv/.tsv files and for files holding only ASCII "
                + "numbers and separators, raw otherwise):",
                "  raw   the input tensors' bytes back to back: N x the model's input size in bytes. An int8 input is one "
                        + "byte per value; a float32 input is 4 bytes per value, IEEE 754 single precision, little-endian "
                        + "(e.g. numpy's x.astype('<f4').tofile(path)).",
                "  text  real numbers separated by commas and/or whitespace, N x the model's input element count; for an "
                        + "int8 input each is quantized with the model's input scale and zero point (q = round(x / scale) + "
                        + "zero_point, clamped to [-128, 127]); for a float32 input each is taken as it is.",
                "", "Prints per input (up to --show) and in total the largest |ours - reference| in LSB, the number of differing "
                + "outputs and, on boards, the instructions per inference; writes target/tinyml/reports/run-<model>-<target>/report.json.",
                "Exit codes: 0 identical to the reference (float32: within 1e-5), 1 outputs differ, 2 refused (model, input file, "
                        + "target)."})
final class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    Main main;

    @Parameters(index = "0", description = "the .tflite model (int8 or float32 interface)")
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
        out.printf("%s: %d input(s) of %d bytes (%s), %d output bytes each; reference %s vs ours on %s%n", model,
                inputs.tensors().size(), compiled.inputBytes(), inputs.format().name().toLowerCase(java.util.Locale.ROOT),
                compiled.outputBytes(), test.interpreterIsTheOracle() ? "TFLite 2.6" : "our x86 build (--reference "
                        + profile.cliName() + ")", target);
        if (!test.interpreterIsTheOracle()) {
            out.printf("--reference %s: the TF Lite 2.6 interpreter computes differently, so it is not the oracle here: %s%n",
                    profile.cliName(), test.targetIsItsOwnOracle() ? "x86 is the oracle itself; only the interpreter's differences "
                            + "are measured" : "outputs are compared with our x86 build in the same profile");
        }
        if (inputs.clamped() > 0) {
            out.printf("note: %d input value(s) were outside the int8 range after quantization and were clamped%n", inputs.clamped());
        }
        Result result = test.run();
        print(out, result);
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

    private void print(PrintWriter out, Result result) {
        int listed = Math.min(show, result.perInput().size());
        for (int i = 0; i < listed; i++) {
            InputResult r = result.perInput().get(i);
            out.printf("input %d: %s, %d of %d outputs differ%s%n", r.index(), difference(result, r.maxDiffLsb(), r.maxFloatDiff()),
                    r.differingOutputs(), result.outputElements(), r.instructions() == null ? "" : ", " + r.instructions() + " instructions"
                            + (r.estimatedCycles() == null ? "" : String.format(Locale.ROOT, ", about %d cycles (%.3f ms at the board's clock)",
                                    r.estimatedCycles(), r.estimatedMs())));
            out.printf("  output %s%n", outputs(result, r));
        }
        if (listed < result.perInput().size()) {
            out.printf("... %d more input(s) not listed (--show)%n", result.perInput().size() - listed);
        }
        out.printf("total: %d input(s), %s, %d of %d outputs differ in %d input(s)%s%n",
                result.inputCount(), difference(result, result.maxDiffLsb(), result.maxFloatDiff()), result.differingOutputs(), result.inputCount() * result.outputElements(),
                result.mismatchedInputs(), result.firstMismatch() < 0 ? "" : " (first: input " + result.firstMismatch() + ")");
        if (!result.instructions().isEmpty()) {
            LongSummaryStatistics stats = result.instructions().stream().mapToLong(Long::longValue).summaryStatistics();
            out.printf("instructions per inference: mean %.0f, min %d, max %d%n", stats.getAverage(), stats.getMin(), stats.getMax());
            if (result.meanEstimatedCycles() != null) {
                out.printf(Locale.ROOT, "estimated cycles per inference on the board: mean %.0f = %.3f ms at its clock "
                        + "(README: Cycles, estimated)%n", result.meanEstimatedCycles(), result.meanEstimatedMs());
            }
        }
        String verdict = !result.passed() ? "DIFFERENT"
                : result.maxFloatDiff() > 0 ? String.format(java.util.Locale.ROOT, "WITHIN %.0e", NetworkTest.FLOAT_TOLERANCE)
                : "BIT-IDENTICAL";
        out.printf("%s on %s; report: %s%n", verdict, result.ranOn(), result.report());
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

    /** Our output tensors: int8 as the stored values and dequantized, float32 as they are. */
    private static String outputs(Result result, InputResult r) {
        StringBuilder values = new StringBuilder();
        for (float v : r.values()) {
            values.append(values.length() == 0 ? "" : ", ").append(String.format(java.util.Locale.ROOT, "%.6g", v));
        }
        return result.floatOutputs() ? "[" + values + "]" : "int8 " + java.util.Arrays.toString(r.output()) + " = [" + values + "]";
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
