package io.tinymlaas.cli;

import io.tinymlaas.ProjectLayout;
import io.tinymlaas.pipeline.MicroSpeech;
import io.tinymlaas.pipeline.MicroSpeech.BoardFeatures;
import io.tinymlaas.report.ReportWriter;
import io.tinymlaas.target.Targets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
        double seconds = (Instant.now().toEpochMilli() - started.toEpochMilli()) / 1000.0;
        Path file = layout.bench().resolve(BENCH_NAME + "-" + board + ".json");
        ReportWriter.writeJson(figures(result, started, seconds), file);
        spec.commandLine().getOut().printf("%s%n%s; benchmark: %s%n", result.summary(),
                result.comparison().bitIdentical() ? "PASSED" : "FAILED", file);
        return result.comparison().bitIdentical() ? 0 : 1;
    }

    /** The fields `tinyml bench-table` reads, so the front end has its row beside the models. */
    private static Map<String, Object> figures(BoardFeatures result, Instant started, double seconds) {
        Map<String, Object> bench = new LinkedHashMap<>();
        bench.put("example", BENCH_NAME);
        bench.put("target", result.board());
        bench.put("passed", result.comparison().bitIdentical());
        bench.put("measured_at", started.toString());
        bench.put("wall_seconds", seconds);
        bench.put("program_text_bytes", result.run().size().text());
        bench.put("program_data_bytes", result.run().size().data());
        bench.put("program_bss_bytes", result.run().size().bss());
        bench.put("flash_bytes", result.run().size().text() + result.run().size().data());
        bench.put("ram_bytes", result.run().size().data() + result.run().size().bss());
        bench.put("instructions_per_inference", Math.round(result.instructionsPerClip()));
        bench.put("instructions_per_clip", result.run().instructions());
        bench.put("ran_on", result.run().description());
        bench.put("inputs_compared", result.comparison().inputs());
        bench.put("max_abs_diff_lsb", result.comparison().maxAbsDiffLsb());
        bench.put("quality", List.of());
        return bench;
    }
}
