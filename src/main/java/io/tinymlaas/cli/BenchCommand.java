package io.tinymlaas.cli;

import io.tinymlaas.ProjectLayout;
import io.tinymlaas.pipeline.DryRun;
import io.tinymlaas.report.ReportWriter;
import io.tinymlaas.report.RunReport;
import io.tinymlaas.report.StageResult;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Runs a dry-run and writes its timings and sizes to target/bench/<example>-<target>.json.")
final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    RunSelection run;

    @Override
    public Integer call() {
        ProjectLayout layout = ProjectLayout.find();
        RunReport report = new DryRun(layout, new StagePrinter(spec.commandLine().getOut())).run(run.example, run.target);
        Map<String, Object> bench = new LinkedHashMap<>();
        bench.put("example", run.example);
        bench.put("target", run.target);
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
        Path file = layout.bench().resolve(run.example + "-" + run.target + ".json");
        ReportWriter.writeJson(bench, file);
        spec.commandLine().getOut().printf("%s; benchmark: %s%n", report.passed() ? "PASSED" : "FAILED", file);
        return report.passed() ? 0 : 1;
    }
}
