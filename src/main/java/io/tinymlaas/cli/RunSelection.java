package io.tinymlaas.cli;

import io.tinymlaas.core.ProjectLayout;
import io.tinymlaas.data.DatasetStore;
import io.tinymlaas.device.Targets;
import io.tinymlaas.examples.Examples;
import io.tinymlaas.lifecycle.DryRun;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Which example runs where: shared by the commands that run the lifecycle. */
final class RunSelection {

    static final String ALL = "all";

    @Parameters(index = "0", description = "example, e.g. hello_world")
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

    /**
     * The dry-run this selection asks for: on freshly collected data, or on the stored version given, which must exist;
     * from the example's own seed or the one given.
     */
    DryRun dryRun(DryRun fresh, ProjectLayout layout) {
        DryRun seeded = seed == null ? fresh : fresh.withSeed(seed);
        if (dataVersion == null) {
            return seeded;
        }
        new DatasetStore(layout.datasets()).manifest(Examples.byName(example).datasetName(), dataVersion);
        return seeded.onStoredData(dataVersion);
    }

    /** The chosen targets, with 'all' spelled out; an unknown example or target is refused before anything is printed or run. */
    List<String> targets(Targets known) {
        Examples.byName(example);
        List<String> chosen = targets.contains(ALL) ? known.all() : targets.stream().distinct().toList();  // x86,x86 runs once
        chosen.forEach(known::knows);
        return chosen;
    }
}
