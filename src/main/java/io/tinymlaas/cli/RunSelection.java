package io.tinymlaas.cli;

import io.tinymlaas.app.RunRequest;
import io.tinymlaas.compile.ArithmeticProfile;
import io.tinymlaas.app.Tinyml;
import io.tinymlaas.core.InvalidInputException;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Which example runs where: shared by the commands that run the lifecycle. */
final class RunSelection {

    @Parameters(index = "0", arity = "0..1", description = "example, e.g. hello_world")
    String example;

    @Option(names = {"--board", "--target"}, defaultValue = "x86", split = ",",
            description = "x86 (a local container), a board id from `tinyml boards`, several separated by commas, "
                    + "or 'all' for x86 and every board (default: ${DEFAULT-VALUE})")
    List<String> targets;

    @Option(names = "--data", paramLabel = "<version>",
            description = "train on this stored version of the example's data set (see `tinyml data list`) instead of collecting afresh")
    String dataVersion;

    @Option(names = "--seed", paramLabel = "<n>",
            description = "train from this seed instead of the example's own; the same data version and seed give the same "
                    + "model, byte for byte, on this machine")
    Long seed;

    @Option(names = "--reference", defaultValue = "tflite-2.6", paramLabel = "<profile>",
            description = "whose arithmetic the model reproduces: tflite-2.6 (the interpreter, the default) or tflm "
                    + "(TensorFlow Lite Micro's; a board's outputs are then compared with our x86 build's)")
    String reference;

    RunRequest request() {
        if (example == null) {
            throw new InvalidInputException("example", "name the example to run, one of " + String.join(", ", Tinyml.examples()));
        }
        return new RunRequest(example, targets, dataVersion, seed, ArithmeticProfile.parse(reference));
    }
}
