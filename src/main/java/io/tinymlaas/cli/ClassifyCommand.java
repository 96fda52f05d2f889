package io.tinymlaas.cli;

import io.tinymlaas.lifecycle.FileClassifier.Classification;
import io.tinymlaas.lifecycle.FileClassifier.Verdict;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "classify", mixinStandardHelpOptions = true,
        description = {"Classifies your own files with an example's newest judged model (or a .tflite file) on x86 or an "
                + "emulated board, through the example's own preprocessing, and prints per file the class scores and the winner, "
                + "with the TFLite 2.6 reference interpreter's answer beside it.",
                "WAV (any rate, channels, 8/16/24/32-bit): mixed to mono, resampled to 16 kHz, its loudest second (or padded to "
                        + "1 s), through micro_speech's audio front end. PNG, JPEG, BMP, GIF, PGM: grayscale, centre-cropped to the "
                        + "model's aspect ratio and scaled to its input size (mnist_lstm: a light picture is inverted). Other "
                        + "files: text numbers, as `run --format text` reads them."},
        footer = {"", "Exit codes: 0 our answers are bit-identical to the reference's, 1 an output differs, 2 refused (each bad "
                + "file named with its reason, nothing run)."})
final class ClassifyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    Main main;

    @Parameters(index = "0", paramLabel = "<example|model.tflite>",
            description = "an example (its newest judged model in the registry) or a .tflite file")
    String model;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "<file>", description = "the files to classify")
    List<Path> files;

    @Option(names = {"--board", "--target"}, defaultValue = "x86",
            description = "x86 (a local container) or a board id from `tinyml boards` (default: ${DEFAULT-VALUE})")
    String target;

    @Mixin
    ModelRegistryOption registry;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Classification result = main.tinyml().classify(model, files, target, registry.directory);
        out.printf("model %s (sha256 %s), classes from %s; ours on %s, reference TFLite 2.6 beside%n", result.modelFile(),
                result.modelSha256().substring(0, 12), result.classSource(), result.ranOn());
        for (Verdict verdict : result.verdicts()) {
            out.printf("%s%s: %s%n", verdict.file(), verdict.inputsInFile() > 1 ? " #" + verdict.input() : "",
                    verdict.conversion());
            out.printf("  ours       %s%n", scores(result.classes(), verdict.scores(), verdict.winner()));
            out.printf("  reference  %s%n", scores(result.classes(), verdict.referenceScores(), verdict.referenceWinner()));
            out.printf("  %s%s%n", verdict.bitIdentical() ? "bit-identical" : "DIFFERENT output bytes",
                    verdict.instructions() == null ? "" : ", " + verdict.instructions() + " instructions");
        }
        long same = result.verdicts().stream().filter(Verdict::bitIdentical).count();
        out.printf("%s: %d of %d answer(s) bit-identical to the reference%n", result.bitIdentical() ? "BIT-IDENTICAL" : "DIFFERENT",
                same, result.verdicts().size());
        return result.bitIdentical() ? 0 : 1;
    }

    private static String scores(List<String> classes, float[] scores, String winner) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < scores.length; i++) {
            line.append(classes.isEmpty() ? "" : classes.get(i) + " ").append(String.format(Locale.ROOT, "%.4f", scores[i])).append("  ");
        }
        return winner == null ? line.toString().strip() : line + "-> " + winner;
    }
}
