package io.tinymlaas.cli;

import io.tinymlaas.core.ProjectLayout;
import io.tinymlaas.core.TinymlException;
import io.tinymlaas.examples.Example;
import io.tinymlaas.examples.Examples;
import io.tinymlaas.examples.Quality;
import io.tinymlaas.lifecycle.QualitySpread;
import io.tinymlaas.lifecycle.QualitySpreadReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
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

    @Override
    public Integer call() {
        if (runs < 2) {
            throw new TinymlException("--runs must be at least 2 to measure a spread, not " + runs);
        }
        List<String> names = examples.isEmpty() ? Examples.names() : examples.stream().distinct().toList();
        List<Example> chosen = names.stream().map(Examples::fastProfile).toList();
        ProjectLayout layout = ProjectLayout.find();
        PrintWriter out = spec.commandLine().getOut();
        Path reports = layout.output().resolve("reports").resolve("flakiness");
        List<QualitySpread.Result> results = new ArrayList<>();
        for (Example example : chosen) {
            out.printf("%s: %d trainings from seed %d, then seed %d again%n", example.name(), runs, firstSeed, firstSeed);
            results.add(QualitySpread.measure(example, layout.output().resolve("flakiness").resolve(example.name()),
                    layout.datasets(), firstSeed, runs, run -> out.println(line(example.name(), run))));
            QualitySpreadReport.write(results, reports);
        }
        out.print(QualitySpreadReport.markdown(results));
        boolean clean = results.stream().allMatch(r -> r.failures() == 0 && r.reproducible());
        out.printf("%s; report: %s%n", clean ? "PASSED: no run missed a goal, every model reproduced"
                : "FAILED: " + results.stream().filter(r -> r.failures() > 0 || !r.reproducible())
                        .map(r -> r.example() + (r.failures() > 0 ? " missed a goal in " + r.failures() + " of " + r.runs().size() + " runs" : "")
                                + (r.reproducible() ? "" : " did not reproduce its first model"))
                        .collect(Collectors.joining("; ")), reports.resolve("flakiness.md"));
        return clean ? 0 : 1;
    }

    private static String line(String example, QualitySpread.Run run) {
        String figures = run.quality().stream().filter(q -> q.goal() != Quality.Goal.NONE)
                .map(q -> String.format(Locale.ROOT, "%s %.4f", q.metric(), q.value())).collect(Collectors.joining(", "));
        return String.format(Locale.ROOT, "  %s seed %d: %s, sha256 %s, %s in %.1f s", example, run.seed(), figures,
                run.modelSha256().substring(0, 12), run.passed() ? "PASSED" : "FAILED", run.seconds());
    }
}
