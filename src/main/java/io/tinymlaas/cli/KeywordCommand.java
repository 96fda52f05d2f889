package io.tinymlaas.cli;

import io.tinymlaas.core.ProjectLayout;
import io.tinymlaas.core.TinymlException;
import io.tinymlaas.device.Targets;
import io.tinymlaas.examples.MicroSpeech;
import io.tinymlaas.examples.Quality;
import io.tinymlaas.lifecycle.KeywordSpotting;
import io.tinymlaas.lifecycle.KeywordSpotting.BoardKeywords;
import io.tinymlaas.registry.QualityReport;
import io.tinymlaas.registry.RegisteredModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "keyword", mixinStandardHelpOptions = true,
        description = {"Runs micro_speech keyword spotting on an emulated board as one firmware: the audio front end and the",
                "compiled keyword model, raw held-out clips in, int8 keyword scores out; compares every score with the reference",
                "interpreter fed by the Java front end and writes target/bench/micro_speech_keyword-<board>.json (a row of",
                "`tinyml bench-table`)."})
final class KeywordCommand implements Callable<Integer> {

    static final String BENCH_NAME = MicroSpeech.NAME + "_keyword";

    @Spec
    CommandSpec spec;

    @Mixin
    BoardClipsOptions onBoard;

    @Option(names = "--model", paramLabel = "<file.tflite>",
            description = "the int8 keyword model (default: the registry's newest judged micro_speech model)")
    Path model;

    @Mixin
    ModelRegistryOption registry;

    @Override
    public Integer call() {
        ProjectLayout layout = ProjectLayout.find();
        Targets targets = new Targets(layout);
        targets.check(onBoard.board);
        Path tflite = model != null ? model : newestJudgedModel();
        KeywordSpotting spotting = new KeywordSpotting(new MicroSpeech());
        Instant started = Instant.now();
        Path work = layout.output().resolve("keyword");
        BoardKeywords result = onBoard.clips == null ? spotting.onBoard(targets, onBoard.board, tflite, work)
                : spotting.onBoard(targets, onBoard.board, tflite, onBoard.clips, work);
        List<Quality> quality = List.of(Quality.atLeast("same keyword as the reference", (double) result.samePredictions()
                / result.clips().size(), 1.0), Quality.report("accuracy on the clips", (double) result.correctPredictions()
                / result.clips().size()));
        Path file = new BoardBenchRow(BENCH_NAME, onBoard.board, result.run(), result.comparison(), result.arenaBytes(), quality)
                .write(layout.bench(), started);
        boolean passed = result.comparison().bitIdentical() && quality.get(0).passed();
        spec.commandLine().getOut().printf("%s (model %s)%n%s; benchmark: %s%n", result.summary(), tflite,
                passed ? "PASSED" : "FAILED", file);
        return passed ? 0 : 1;
    }

    private Path newestJudgedModel() {
        return QualityReport.newestJudged(registry.registry().list()).stream()
                .filter(m -> m.example().equals(MicroSpeech.NAME))
                .map(RegisteredModel::int8).map(int8 -> Path.of(int8.file())).filter(Files::isRegularFile)
                .findFirst()
                .orElseThrow(() -> new TinymlException("no judged micro_speech model in " + registry.registry().root()
                        + " whose .tflite file still exists; run `bin/tinyml dry-run micro_speech` first, or pass --model file.tflite"));
    }
}
