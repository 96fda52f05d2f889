package io.tinymlaas.cli;

import io.tinymlaas.ProjectLayout;
import io.tinymlaas.pipeline.MicroSpeech;
import io.tinymlaas.pipeline.MicroSpeech.BoardFeatures;
import io.tinymlaas.target.Targets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "frontend", mixinStandardHelpOptions = true,
        description = {"Runs micro_speech's audio front end on an emulated board, in the model's place, over held-out test clips;",
                "compares every feature byte with the Java front end's and writes the instructions per clip to",
                "target/bench/micro_speech_frontend-<board>.json (a row of `tinyml bench-table`)."})
final class FrontEndCommand implements Callable<Integer> {

    static final String BENCH_NAME = MicroSpeech.NAME + "_frontend";

    @Spec
    CommandSpec spec;

    @Option(names = "--board", required = true, description = "a board id from `tinyml boards`, e.g. arduino_nano_33_ble_sense")
    String board;

    @Option(names = "--clips", description = "how many held-out clips (default: the profile's, 16 fast and 100 full)")
    Integer clips;

    @Override
    public Integer call() {
        ProjectLayout layout = ProjectLayout.find();
        Targets targets = new Targets(layout);
        targets.check(board);
        MicroSpeech example = new MicroSpeech();
        Instant started = Instant.now();
        Path work = layout.output().resolve("frontend");
        BoardFeatures result = clips == null ? example.frontEndOnBoard(targets, board, work)
                : example.frontEndOnBoard(targets, board, clips, work);
        Path file = new BoardBenchRow(BENCH_NAME, board, result.run(), result.comparison(), null, List.of())
                .write(layout.bench(), started);
        spec.commandLine().getOut().printf("%s%n%s; benchmark: %s%n", result.summary(),
                result.comparison().bitIdentical() ? "PASSED" : "FAILED", file);
        return result.comparison().bitIdentical() ? 0 : 1;
    }
}
