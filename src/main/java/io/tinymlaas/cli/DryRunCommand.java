package io.tinymlaas.cli;

import io.tinymlaas.app.DryRunOutcome;
import io.tinymlaas.app.Tinyml;
import io.tinymlaas.report.RunReport;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "dry-run", mixinStandardHelpOptions = true,
        description = {"Runs the whole lifecycle of an example on a target and writes report.json and report.html.",
                "With several targets (or 'all'), the model is made once and run on each; matrix.md and matrix.json "
                        + "say per target whether it passed, failed (where and why) or cannot run here (why)."})
final class DryRunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    Main main;

    @Mixin
    RunSelection run;

    @Override
    public Integer call() {
        Tinyml tinyml = main.tinyml();
        PrintWriter out = spec.commandLine().getOut();
        List<String> targets = tinyml.targetsFor(run.request());
        out.printf("dry-run %s on %s%n", run.example, String.join(", ", targets));
        DryRunOutcome outcome = tinyml.dryRun(run.request(), new StagePrinter(out));
        if (outcome.matrix() == null) {
            RunReport report = outcome.reports().get(0);
            out.printf("%s in %.1f s; report: %s%n", report.passed() ? "PASSED" : "FAILED", report.totalSeconds(), outcome.file());
        } else {
            out.print(outcome.matrix().markdown());
            out.printf("%s; matrix: %s%n", outcome.passed() ? "PASSED (every target that can run here)" : "FAILED", outcome.file());
        }
        return outcome.passed() ? 0 : 1;
    }
}
