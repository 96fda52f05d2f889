package io.tinymlaas.cli;

import io.tinymlaas.ProjectLayout;
import io.tinymlaas.pipeline.DryRun;
import io.tinymlaas.report.RunReport;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

@Command(name = "dry-run", mixinStandardHelpOptions = true,
        description = "Runs the whole lifecycle of an example on a target and writes report.json and report.html.")
final class DryRunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    RunSelection run;

    @Override
    public Integer call() {
        DryRun dryRun = new DryRun(ProjectLayout.find(), new StagePrinter(spec.commandLine().getOut()));
        spec.commandLine().getOut().printf("dry-run %s on %s%n", run.example, run.target);
        RunReport report = dryRun.run(run.example, run.target);
        spec.commandLine().getOut().printf("%s in %.1f s; report: %s%n", report.passed() ? "PASSED" : "FAILED", report.totalSeconds(),
                dryRun.reportDirectory(run.example, run.target).resolve("report.json"));
        return report.passed() ? 0 : 1;
    }
}
