package io.tinymlaas.cli;

import io.tinymlaas.app.BenchOutcome;
import io.tinymlaas.app.Tinyml;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Runs a dry-run and writes its timings and sizes to target/bench/<example>-<target>.json.",
                "With several targets (or 'all'), the model is trained once and benchmarked on each target that can run here."})
final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    Main main;

    @Mixin
    RunSelection run;

    @Override
    public Integer call() {
        Tinyml tinyml = main.tinyml();
        List<BenchOutcome> outcomes = tinyml.bench(run.request(), new StagePrinter(spec.commandLine().getOut()));
        for (BenchOutcome outcome : outcomes) {
            spec.commandLine().getOut().printf(outcome.report().passed() ? "PASSED on %s; benchmark: %s%n"
                    : "FAILED on %s; no benchmark written, %s keeps the last passing run (if any)%n", outcome.report().target(),
                    outcome.file());
            if (outcome.deviceImages() != null) {
                spec.commandLine().getOut().printf("  to flash the real %s (README, \"Flashing a real board\"): %s%n",
                        outcome.report().target(), String.join(", ", outcome.deviceImages()));
            }
        }
        return outcomes.stream().allMatch(o -> o.report().passed()) ? 0 : 1;
    }
}
