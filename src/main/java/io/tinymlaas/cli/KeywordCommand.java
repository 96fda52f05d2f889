package io.tinymlaas.cli;

import io.tinymlaas.app.BoardBench;
import io.tinymlaas.lifecycle.KeywordSpotting.BoardKeywords;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "keyword", mixinStandardHelpOptions = true,
        description = {"Runs micro_speech keyword spotting on an emulated board as one firmware: the audio front end and the",
                "compiled keyword model, raw held-out clips in, int8 keyword scores out; compares every score with the reference",
                "interpreter fed by the Java front end and writes target/bench/micro_speech_keyword-<board>.json (a row of",
                "`tinyml bench-table`)."})
final class KeywordCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    Main main;

    @Mixin
    BoardClipsOptions onBoard;

    @Option(names = "--model", paramLabel = "<file.tflite>",
            description = "the int8 keyword model (default: the registry's newest judged micro_speech model)")
    Path model;

    @Mixin
    ModelRegistryOption registry;

    @Override
    public Integer call() {
        BoardBench<BoardKeywords> bench = main.tinyml().keyword(onBoard.board, onBoard.clips, model, registry.directory);
        spec.commandLine().getOut().printf("%s (model %s)%n%s; benchmark: %s%n", bench.result().summary(), bench.model(),
                bench.passed() ? "PASSED" : "FAILED", bench.file());
        return bench.passed() ? 0 : 1;
    }
}
