package io.tinymlaas.cli;

import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Which example runs where: shared by the commands that run the lifecycle. */
final class RunSelection {

    @Parameters(index = "0", description = "example, e.g. hello_world")
    String example;

    @Option(names = {"--board", "--target"}, defaultValue = "x86",
            description = "x86 (a local container) or a board id from `tinyml boards` (default: ${DEFAULT-VALUE})")
    String target;
}
