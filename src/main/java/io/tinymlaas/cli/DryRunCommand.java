package io.tinymlaas.cli;

import io.tinymlaas.core.ProjectLayout;
import io.tinymlaas.device.Targets;
import io.tinymlaas.lifecycle.DryRun;
import io.tinymlaas.report.MatrixReport;
import io.tinymlaas.report.RunReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "dry-run", mixinStandardHelpOptions = true,
        description = {"Runs the whole lifecycle of an example on a target and writes report.json and report.html.",
                "With several targets (or 'all'), the model is made once and run on each; matrix.md and matrix.json "
                        + "say per target whether it passed, failed (where and why) or cannot run here (why)."})
final class DryRunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    RunSelection run;

    @Override
    public Integer call() {
        ProjectLayout layout = ProjectLayout.find();
        PrintWriter out = spec.commandLine().getOut();
        DryRun dryRun = run.dryRun(new DryRun(layout, new StagePrinter(out)), layout);
        List<String> targets = run.targets(new Targets(layout));
        out.printf("dry-run %s on %s%n", run.example, String.join(", ", targets));
        if (targets.size() == 1) {
            RunReport report = dryRun.run(run.example, targets.get(0));
            out.printf("%s in %.1f s; report: %s%n", report.passed() ? "PASSED" : "FAILED", report.totalSeconds(),
                    dryRun.reportDirectory(run.example, targets.get(0)).resolve("report.json"));
            return report.passed() ? 0 : 1;
        }
        MatrixReport matrix = MatrixReport.of(run.example, dryRun.run(run.example, targets));
        Path file = matrix.write(dryRun.reportDirectory(run.example, "matrix"));
        out.print(matrix.markdown());
        out.printf("%s; matrix: %s%n", matrix.anyFailed() ? "FAILED" : "PASSED (every target that can run here)", file);
        return matrix.anyFailed() ? 1 : 0;
    }
}
