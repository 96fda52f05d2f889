package io.tinymlaas.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.tinymlaas.core.IoFailure;
import io.tinymlaas.core.TinymlException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * The README's benchmark table, printed from the bench folder's files with TFLM's published figures for the same
 * core. Files are read as JSON trees, so a file from an older version or written by hand still gives its row.
 */
public final class BenchTable {

    private BenchTable() {
    }

    /** {@code coreOf} names a target's core (a board's), or gives the target itself back (x86). */
    public static String markdown(Path benchDirectory, UnaryOperator<String> coreOf) {
        List<Path> files;
        try (Stream<Path> listing = Files.exists(benchDirectory) ? Files.list(benchDirectory) : Stream.empty()) {
            files = listing.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new TinymlException("cannot list " + benchDirectory + ": " + IoFailure.reason(e), e);
        }
        if (files.isEmpty()) {
            throw new TinymlException("no benchmark results in " + benchDirectory + "; run `bin/tinyml bench hello_world` first");
        }
        TflmReference.Measurements tflm = TflmReference.load();
        StringBuilder table = new StringBuilder();
        table.append("TFLM's columns: its own model of the example on the same core (the ratio only where it has our model's shape); ").append(tflm.provenance()).append(".\n\n");
        table.append("| example | target | instructions / inference | est. cycles (ms at the board's clock) "
                + "| TFLM ref / CMSIS-NN instr. (its model) | TFLM + CMSIS-NN ÷ ours | flash B "
                + "| RAM B (incl. 2 KiB stack) | arena B | quality on held-out data (goal) | max diff (LSB) | wall s | measured |\n");
        table.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---|\n");
        for (Path file : files) {
            JsonNode b = read(file);
            if (b.path("database").isTextual()) {
                continue;  // the service's benchmark (bench-service), a table of its own in the README
            }
            String example = text(b, "example");
            String target = text(b, "target");
            Optional<TflmReference> theirs = tflm.find(example, coreOf.apply(target));
            JsonNode ours = b.path("instructions_per_inference");
            table.append(String.format("| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %.1f | %s |%n", example, target,
                    text(b, "instructions_per_inference"), cycles(b),
                    theirs.map(r -> String.format("%,d / %,d", r.referenceKernelsInstructions(), r.cmsisNnInstructions())).orElse("–"),
                    theirs.map(r -> r.ratioTo(ours.isNumber() ? ours.asLong() : null)).orElse("–"),
                    text(b, "flash_bytes"), text(b, "ram_bytes"),
                    text(b, "arena_bytes"), quality(b.path("quality")), text(b, "max_abs_diff_lsb"),
                    b.path("wall_seconds").asDouble(), day(text(b, "measured_at"))));
        }
        return table.toString();
    }

    /** "1,234,567 (19.29)": the estimated cycles and their milliseconds, or "–" for runs without an estimate. */
    private static String cycles(JsonNode b) {
        JsonNode cycles = b.path("estimated_cycles_per_inference");
        return cycles.isNumber() ? String.format(Locale.ROOT, "%,d (%.3f)", cycles.asLong(), b.path("estimated_ms_per_inference").asDouble())
                : "–";
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
