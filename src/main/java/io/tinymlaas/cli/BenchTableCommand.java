package io.tinymlaas.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.tinymlaas.ProjectLayout;
import io.tinymlaas.TinymlException;
import io.tinymlaas.report.ReportWriter;
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
            throw new TinymlException("cannot list " + dir + ": " + e.getMessage(), e);
        }
        if (files.isEmpty()) {
            throw new TinymlException("no benchmark results in " + dir + "; run `bin/tinyml bench hello_world` first");
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("| example | target | instructions / inference | flash B | RAM B (incl. 2 KiB stack) | arena B | "
                + "max diff (LSB) | wall s | measured |");
        out.println("|---|---|---:|---:|---:|---:|---:|---:|---|");
        for (Path file : files) {
            JsonNode b = read(file);
            out.printf("| %s | %s | %s | %s | %s | %s | %s | %.1f | %s |%n", text(b, "example"), text(b, "target"),
                    text(b, "instructions_per_inference"), text(b, "flash_bytes"), text(b, "ram_bytes"), text(b, "arena_bytes"),
                    text(b, "max_abs_diff_lsb"), b.path("wall_seconds").asDouble(), text(b, "measured_at").substring(0, 10));
        }
        return 0;
    }

    private static JsonNode read(Path file) {
        try {
            return ReportWriter.JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new TinymlException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? "–" : value.asText();
    }
}
