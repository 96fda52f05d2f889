package io.tinymlaas.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.tinymlaas.core.IoFailure;
import io.tinymlaas.core.ProjectLayout;
import io.tinymlaas.core.TinymlException;
import io.tinymlaas.device.board.BoardCatalog;
import io.tinymlaas.report.ReportWriter;
import io.tinymlaas.report.TflmReference;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "bench-table", mixinStandardHelpOptions = true,
        description = "Prints the latest benchmark results (target/bench/*.json) as a Markdown table for the README.")
final class BenchTableCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Path dir = ProjectLayout.find().bench();
        List<Path> files;
        try (Stream<Path> listing = Files.exists(dir) ? Files.list(dir) : Stream.empty()) {
            files = listing.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new TinymlException("cannot list " + dir + ": " + IoFailure.reason(e), e);
        }
        if (files.isEmpty()) {
            throw new TinymlException("no benchmark results in " + dir + "; run `bin/tinyml bench hello_world` first");
        }
        BoardCatalog boards = new BoardCatalog(ProjectLayout.find().boards());
        List<TflmReference> tflm = TflmReference.load();
        PrintWriter out = spec.commandLine().getOut();
        out.println("| example | target | instructions / inference | TFLM ref / CMSIS-NN instr. (its model) | flash B "
                + "| RAM B (incl. 2 KiB stack) | arena B | quality on held-out data (goal) | max diff (LSB) | wall s | measured |");
        out.println("|---|---|---:|---:|---:|---:|---:|---|---:|---:|---|");
        for (Path file : files) {
            JsonNode b = read(file);
            String example = text(b, "example");
            String target = text(b, "target");
            String core = boards.ids().contains(target) ? boards.byId(target).core() : target;
            String theirs = TflmReference.find(tflm, example, core)
                    .map(r -> String.format("%,d / %,d", r.referenceKernelsInstructions(), r.cmsisNnInstructions())).orElse("–");
            out.printf("| %s | %s | %s | %s | %s | %s | %s | %s | %s | %.1f | %s |%n", example, target,
                    text(b, "instructions_per_inference"), theirs, text(b, "flash_bytes"), text(b, "ram_bytes"),
                    text(b, "arena_bytes"), quality(b.path("quality")), text(b, "max_abs_diff_lsb"),
                    b.path("wall_seconds").asDouble(), day(text(b, "measured_at")));
        }
        return 0;
    }

    /** The first figure that has a goal (accuracy for classifiers, mean error for hello_world). */
    private static String quality(JsonNode figures) {
        for (JsonNode figure : figures) {
            String goal = figure.path("goal").asText();
            if (!goal.equals("NONE")) {
                return String.format("%s %.3f (%s %s)", figure.path("metric").asText().replace("|", "\\|"), figure.path("value").asDouble(),
                        goal.equals("AT_LEAST") ? "≥" : "≤", figure.path("bound").asText());
            }
        }
        return "–";
    }

    private static JsonNode read(Path file) {
        try {
            return ReportWriter.JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new TinymlException("cannot read " + file + ": " + IoFailure.reason(e), e);
        }
    }

    /** "2026-11-25" of "2026-11-25T10:00:00Z"; a file written by hand may lack the time or the field. */
    private static String day(String measuredAt) {
        return measuredAt.length() > 10 ? measuredAt.substring(0, 10) : measuredAt;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? "–" : value.asText();
    }
}
