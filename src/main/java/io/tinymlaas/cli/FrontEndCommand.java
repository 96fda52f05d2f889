package io.tinymlaas.cli;

import io.tinymlaas.core.ProjectLayout;
import io.tinymlaas.device.Targets;
import io.tinymlaas.examples.MicroSpeech;
import io.tinymlaas.examples.MicroSpeech.BoardFeatures;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "frontend", mixinStandardHelpOptions = true,
        description = {"Runs micro_speech's audio front end on an emulated board, in the model's place, over held-out test clips;",
                "compares every feature byte with the Java front end's and writes the instructions per clip to",
                "target/bench/micro_speech_frontend-<board>.json (a row of `tinyml bench-table`)."})
final class FrontEndCommand implements Callable<Integer> {

    static final String BENCH_NAME = MicroSpeech.NAME + "_frontend";

    @Spec
    CommandSpec spec;

    @Mixin
    BoardClipsOptions onBoard;

    @Override
    public Integer call() {
        ProjectLayout layout = ProjectLayout.find();
        Targets targets = new Targets(layout);
        targets.check(onBoard.board);
        MicroSpeech example = new MicroSpeech();
        Instant started = Instant.now();
        Path work = layout.output().resolve("frontend");
        BoardFeatures result = onBoard.clips == null ? example.frontEndOnBoard(targets, onBoard.board, work)
                : example.frontEndOnBoard(targets, onBoard.board, onBoard.clips, work);
        Path file = new BoardBenchRow(BENCH_NAME, onBoard.board, result.run(), result.comparison(), null, List.of())
                .write(layout.bench(), started);
        spec.commandLine().getOut().printf("%s%n%s; benchmark: %s%n", result.summary(),
                result.comparison().bitIdentical() ? "PASSED" : "FAILED", file);
        return result.comparison().bitIdentical() ? 0 : 1;
    }
}
