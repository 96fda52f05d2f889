package io.tinymlaas.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tinymlaas.core.TinymlException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {

    @TempDir
    Path dir;

    @Test
    void aBareFileNameIsWrittenInTheWorkingDirectory() throws Exception {
        // `tinyml models report --out table.md`: the path has no parent of its own
        Path bare = Path.of("tinyml-report-writer-test.md");
        try {
            ReportWriter.writeText("| a |\n", bare);
            assertThat(bare).hasContent("| a |");
        } finally {
            Files.deleteIfExists(bare);
        }
    }

    @Test
    void aFolderInTheWayIsRefusedAndLeftAsItWasWithNothingWrittenBeside() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("table.md"));
        assertThatThrownBy(() -> ReportWriter.writeText("| a |\n", folder)).isInstanceOf(TinymlException.class)
                .hasMessage("cannot write " + folder + ": " + folder + ": a folder of that name is in the way");
        assertThat(folder).isEmptyDirectory();
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(folder);
        }
    }

    @Test
    void aReportIsAsReadableAsAnyFileWrittenThere() throws Exception {
        // atomic writes go through a temporary file; its owner-only mode must not become the report's
        Path plain = Files.writeString(dir.resolve("plain.txt"), "x");
        Path report = dir.resolve("run").resolve("report.json");
        Files.createDirectories(report.getParent());
        ReportWriter.writeJson(java.util.Map.of("passed", true), report);
        assertThat(Files.getPosixFilePermissions(report)).isEqualTo(Files.getPosixFilePermissions(plain));
    }
}
