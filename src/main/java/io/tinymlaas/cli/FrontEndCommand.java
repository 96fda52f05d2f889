package io.tinymlaas.cli;

import io.tinymlaas.app.BoardBench;
import io.tinymlaas.examples.MicroSpeech.BoardFeatures;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "frontend", mixinStandardHelpOptions = true,
        description = {"Runs micro_speech's audio front end on an emulated board, in the model's place, over held-out test clips;",
                "compares every feature byte with the Java front end's and writes the instructions per clip to",
                "target/bench/micro_speech_frontend-<board>.json (a row of `tinyml bench-table`)."})
final class FrontEndCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    Main main;

    @Mixin
    BoardClipsOptions onBoard;

    @Override
    public Integer call() {
        BoardBench<BoardFeatures> bench = main.tinyml().frontEnd(onBoard.board, onBoard.clips);
        spec.commandLine().getOut().printf("%s%n%s; benchmark: %s%n", bench.result().summary(),
                bench.passed() ? "PASSED" : "FAILED", bench.file());
        return bench.passed() ? 0 : 1;
    }
}
