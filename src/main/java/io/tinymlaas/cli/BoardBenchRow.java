package io.tinymlaas.cli;

import io.tinymlaas.device.TargetRun;
import io.tinymlaas.examples.Quality;
import io.tinymlaas.oracle.Comparison;
import io.tinymlaas.report.ReportWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fields `tinyml bench-table` reads, for a run on a board that is not a dry-run (the front end alone, keyword
 * spotting), written to {@code target/bench/<name>-<board>.json} so it has its row beside the models.
 */
record BoardBenchRow(String name, String board, TargetRun run, Comparison comparison, Integer arenaBytes, List<Quality> quality) {

    Path write(Path benchDirectory, Instant started) {
        double seconds = (Instant.now().toEpochMilli() - started.toEpochMilli()) / 1000.0;
        Map<String, Object> bench = new LinkedHashMap<>();
        bench.put("example", name);
        bench.put("target", board);
        bench.put("passed", comparison.bitIdentical() && quality.stream().allMatch(Quality::passed));
        bench.put("measured_at", started.toString());
        bench.put("wall_seconds", seconds);
        bench.put("program_text_bytes", run.size().text());
        bench.put("program_data_bytes", run.size().data());
        bench.put("program_bss_bytes", run.size().bss());
        bench.put("flash_bytes", run.size().text() + run.size().data());
        bench.put("ram_bytes", run.size().data() + run.size().bss());
        if (arenaBytes != null) {
            bench.put("arena_bytes", arenaBytes);
        }
        bench.put("instructions_per_inference", Math.round(run.instructions().stream().mapToLong(Long::longValue).average().orElseThrow()));
        bench.put("instructions_per_clip", run.instructions());
        bench.put("ran_on", run.description());
        bench.put("inputs_compared", comparison.inputs());
        bench.put("max_abs_diff_lsb", comparison.maxAbsDiffLsb());
        bench.put("quality", quality);
        Path file = benchDirectory.resolve(name + "-" + board + ".json");
        ReportWriter.writeJson(bench, file);
        return file;
    }
}
