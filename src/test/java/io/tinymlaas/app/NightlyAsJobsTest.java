package io.tinymlaas.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tinymlaas.core.InvalidInputException;
import io.tinymlaas.jobs.JobEngine;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The nightly report made from matrices on the job engine (`dry-run --all --jobs`), with no worker running a cell. */
class NightlyAsJobsTest {

    @TempDir
    static Path data;

    private static TinymlService service;

    @BeforeAll
    static void open() {
        service = TinymlService.open(Tinyml.forThisProject(), TinymlService.embeddedDatabase(data), "tinyml", "",
                opened -> JobEngine.start(opened, false, "nightly-test"));
    }

    @AfterAll
    static void close() {
        service.close();
    }

    @Test
    void aTargetNoEmulatorRunsIsASkippedTestAndAnUnlinkedRowSayingWhy() {
        MatrixView matrix = service.startMatrix(new MatrixRequest("hello_world", List.of("himax_we1_plus"), null, null), "test");

        NightlyOutcome outcome = service.writeNightly(List.of(matrix.id()), "2026-12-07T00:00:00Z");

        assertThat(outcome.passed()).isTrue();
        assertThat(outcome.matrices()).singleElement().satisfies(report -> assertThat(report.example()).isEqualTo("hello_world"));
        assertThat(outcome.html()).content().contains("<tr><td>himax_we1_plus</td><td class=\"CANNOT_RUN_HERE\">")
                .contains("no ARC emulator installed");
        assertThat(outcome.junit()).content().contains("<testcase classname=\"hello_world\" name=\"himax_we1_plus\" time=\"0.000\">")
                .contains("<skipped message=\"cannot run here: ");
    }

    @Test
    void anUnknownExampleIsRefusedNamingTheKnownOnes() {
        assertThatThrownBy(() -> service.startNightly(List.of("hello_world", "sine_wave"), "test"))
                .isInstanceOf(InvalidInputException.class).hasMessage("examples: no example 'sine_wave'; known: "
                        + String.join(", ", Tinyml.examples()));
    }
}
