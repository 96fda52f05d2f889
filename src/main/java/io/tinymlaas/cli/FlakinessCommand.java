package io.tinymlaas.cli;

import io.tinymlaas.app.FlakinessOutcome;
import io.tinymlaas.lifecycle.QualitySpread;
import io.tinymlaas.report.Quality;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "flakiness", mixinStandardHelpOptions = true,
        description = {"Trains each example in its fast profile (the one `mvn verify` gates on) from many seeds on one data "
                + "version, judges every int8 model with the reference interpreter, and reports how each gated figure "
                + "spreads against its goal: failures, margin in standard deviations, the failure rate a normal fit "
                + "estimates. The first seed is trained twice and must give the same model bytes.",
                "Writes flakiness.md and flakiness.json under target/tinyml/reports/flakiness/."})
final class FlakinessCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "<example>", description = "examples to check (default: all of them)")
    List<String> examples = new ArrayList<>();

    @Option(names = "--runs", defaultValue = "20", description = "trainings per example, each from its own seed (default: ${DEFAULT-VALUE})")
    int runs;

    @Option(names = "--first-seed", defaultValue = "1", description = "the first training seed; the others follow it (default: ${DEFAULT-VALUE})")
    long firstSeed;

    @ParentCommand
    Main main;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        FlakinessOutcome outcome = main.tinyml().flakiness(examples, firstSeed, runs,
                example -> out.printf("%s: %d trainings from seed %d, then seed %d again%n", example, runs, firstSeed, firstSeed),
                (example, run) -> out.println(line(example, run)));
        out.print(outcome.markdown());
        out.printf("%s; report: %s%n", outcome.clean() ? "PASSED: no run missed a goal, every model reproduced"
                : "FAILED: " + outcome.failures(), outcome.file());
        return outcome.clean() ? 0 : 1;
    }

    private static String line(String example, QualitySpread.Run run) {
        String figures = run.quality().stream().filter(q -> q.goal() != Quality.Goal.NONE)
                .map(q -> String.format(Locale.ROOT, "%s %.4f", q.metric(), q.value())).collect(Collectors.joining(", "));
        return String.format(Locale.ROOT, "  %s seed %d: %s, sha256 %s, %s in %.1f s", example, run.seed(), figures,
                run.modelSha256().substring(0, 12), run.passed() ? "PASSED" : "FAILED", run.seconds());
    }
}
