package io.tinymlaas.report;

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
            writeAtomically(directory.resolve("report.html"), RunPage.html(report).getBytes(StandardCharsets.UTF_8));
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
}
