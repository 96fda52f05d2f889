package io.tinymlaas.report;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.tinymlaas.core.IoFailure;
import io.tinymlaas.core.TinymlException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Writes report.json and report.html; each replaces the previous one only once it is completely written. */
public final class ReportWriter {

    public static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private ReportWriter() {
    }

    public static Path write(RunReport report, Path directory) {
        try {
            writeAtomically(directory.resolve("report.json"), JSON.writeValueAsBytes(report));
            writeAtomically(directory.resolve("report.html"), html(report).getBytes(StandardCharsets.UTF_8));
            return directory.resolve("report.json");
        } catch (IOException e) {
            throw new TinymlException("cannot write the report to " + directory + ": " + IoFailure.reason(e), e);
        }
    }

    public static void writeJson(Object value, Path file) {
        try {
            writeAtomically(file, JSON.writeValueAsBytes(value));
        } catch (IOException e) {
            throw new TinymlException("cannot write " + file + ": " + IoFailure.reason(e), e);
        }
    }

    public static void writeText(String text, Path file) {
        try {
            writeAtomically(file, text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new TinymlException("cannot write " + file + ": " + IoFailure.reason(e), e);
        }
    }

    private static void writeAtomically(Path file, byte[] bytes) throws IOException {
        if (Files.isDirectory(file)) {
            throw new FileAlreadyExistsException(file.toString(), null, "a folder of that name is in the way");
        }
        Path folder = file.toAbsolutePath().getParent();  // a bare file name ("table.md") has no parent of its own
        Files.createDirectories(folder);
        // not createTempFile: its owner-only mode would become the report's
        Path temporary = folder.resolve(".report-" + UUID.randomUUID() + ".tmp");
        try {
            Files.write(temporary, bytes);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);  // a failed write or move leaves no stray .tmp beside the reports
        }
    }

    static String html(RunReport report) {
        StringBuilder h = new StringBuilder();
        String title = report.example() + " on " + report.target();
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>TinyMLaaS dry-run: ")
                .append(Html.escape(title)).append("</title>\n<style>body{font-family:sans-serif;margin:2em}"
                        + "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px;text-align:left}"
                        + ".PASSED{color:#070}.FAILED{color:#b00}.SKIPPED{color:#888}</style></head><body>\n");
        h.append("<h1>").append(Html.escape(title)).append(": <span class=\"").append(report.passed() ? "PASSED" : "FAILED")
                .append("\">").append(report.passed() ? "PASSED" : "FAILED").append("</span></h1>\n");
        h.append("<p>Started ").append(Html.escape(report.startedAt())).append(", ")
                .append(String.format("%.1f", report.totalSeconds())).append(" s in all.</p>\n");
        h.append("<h2>Stages</h2>\n<table><tr><th>stage</th><th>result</th><th>seconds</th><th>detail</th></tr>\n");
        for (StageResult stage : report.stages()) {
            h.append("<tr><td>").append(Html.escape(stage.name())).append("</td><td class=\"").append(stage.status()).append("\">")
                    .append(stage.status()).append("</td><td>").append(String.format("%.2f", stage.seconds())).append("</td><td>")
                    .append(Html.escape(stage.detail())).append("</td></tr>\n");
        }
        h.append("</table>\n<h2>Figures</h2>\n<table>\n");
        Map<String, Object> figures = JSON.convertValue(report.figures(), new TypeReference<LinkedHashMap<String, Object>>() { });
        for (Map.Entry<String, Object> figure : figures.entrySet()) {
            h.append("<tr><th>").append(Html.escape(figure.getKey())).append("</th><td>").append(Html.escape(cell(figure.getValue())))
                    .append("</td></tr>\n");
        }
        h.append("</table>\n</body></html>\n");
        return h.toString();
    }

    /** Long series (loss per epoch) are left to report.json; short lists are shown one item after another. */
    private static String cell(Object value) {
        if (value instanceof java.util.Collection<?> items) {
            return items.size() > 10 ? items.size() + " values (see report.json)"
                    : String.join("; ", items.stream().map(String::valueOf).toList());
        }
        return String.valueOf(value);
    }
}
