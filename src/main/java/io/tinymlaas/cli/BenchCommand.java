package io.tinymlaas.cli;

import io.tinymlaas.core.ProjectLayout;
import io.tinymlaas.device.Targets;
import io.tinymlaas.lifecycle.DryRun;
import io.tinymlaas.report.ReportWriter;
import io.tinymlaas.report.RunReport;
import io.tinymlaas.report.StageResult;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Runs a dry-run and writes its timings and sizes to target/bench/<example>-<target>.json.",
                "With several targets (or 'all'), the model is trained once and benchmarked on each target that can run here."})
final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    RunSelection run;

    @Override
    public Integer call() {
        ProjectLayout layout = ProjectLayout.find();
        Targets known = new Targets(layout);
        List<String> requested = run.targets(known);
        DryRun dryRun = run.dryRun(new DryRun(layout, new StagePrinter(spec.commandLine().getOut())), layout);
        List<RunReport> reports = requested.size() == 1 ? List.of(dryRun.run(run.example, requested.get(0)))
                : dryRun.run(run.example, requested.stream().filter(t -> known.whyNotRunnable(t).isEmpty()).toList());
        boolean allPassed = true;
        for (RunReport report : reports) {
            Path file = record(report, layout.bench());
            spec.commandLine().getOut().printf(report.passed() ? "PASSED on %s; benchmark: %s%n"
                    : "FAILED on %s; no benchmark written, %s keeps the last passing run (if any)%n", report.target(), file);
            allPassed &= report.passed();
        }
        return allPassed ? 0 : 1;
    }

    /**
     * Writes a passing run's figures to {@code <example>-<target>.json} in the bench folder and returns that file; a
     * failed run's figures are not written, so bench-table, whose rows are all bit-identical runs, never shows them.
     */
    static Path record(RunReport report, Path benchDirectory) {
        Path file = benchDirectory.resolve(report.example() + "-" + report.target() + ".json");
        if (report.passed()) {
            ReportWriter.writeJson(figures(report), file);
        }
        return file;
    }

    private static Map<String, Object> figures(RunReport report) {
        Map<String, Object> bench = new LinkedHashMap<>();
        bench.put("example", report.example());
        bench.put("target", report.target());
        bench.put("passed", report.passed());
        bench.put("measured_at", report.startedAt());
        bench.put("wall_seconds", report.totalSeconds());
        Map<String, Double> stageSeconds = new LinkedHashMap<>();
        for (StageResult stage : report.stages()) {
            stageSeconds.put(stage.name(), stage.seconds());
        }
        bench.put("stage_seconds", stageSeconds);
        for (String figure : new String[] {"model_bytes", "arena_bytes", "constant_bytes", "program_text_bytes",
                "program_data_bytes", "program_bss_bytes", "flash_bytes", "ram_bytes", "instructions_per_inference", "ran_on",
                "inputs_compared", "max_abs_diff_lsb", "quality"}) {
            bench.put(figure, report.figures().get(figure));
        }
        return bench;
    }
}
