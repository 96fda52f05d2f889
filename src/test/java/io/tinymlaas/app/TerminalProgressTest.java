package io.tinymlaas.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.tinymlaas.core.Progress;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TerminalProgressTest {

    private final ByteArrayOutputStream shown = new ByteArrayOutputStream();
    private final PrintStream screen = new PrintStream(shown, true, StandardCharsets.UTF_8);

    private String screen() {
        return shown.toString(StandardCharsets.UTF_8);
    }

    @Test
    void notATerminalShowsNothingAtAllAndPrintsWhatItIsGivenAsItIs() {
        Progress progress = TerminalProgress.of(false, screen, 80);
        try (Progress.Task task = progress.start("epochs", 3)) {
            task.step();
            task.step();
        }
        StringBuilder printed = new StringBuilder();
        progress.aside(() -> printed.append("train PASSED"));
        assertThat(progress).isSameAs(Progress.SILENT);
        assertThat(screen()).isEmpty();
        assertThat(printed).hasToString("train PASSED");
    }

    @Test
    void aTerminalShowsTheTaskWithItsCountAndWipesTheBarWhenTheTaskEnds() {
        Progress progress = TerminalProgress.of(true, screen, 80);
        try (Progress.Task task = progress.start("epochs", 3)) {
            for (int i = 0; i < 3; i++) {
                task.step();
            }
        }
        assertThat(screen()).contains("epochs").contains("3/3").endsWith("\r\u001b[K");
    }

    @Test
    void aTaskInsideAnotherIsTheOneShownAndOutputAsideWipesTheLineFirst() {
        Progress progress = TerminalProgress.of(true, screen, 80);
        try (Progress.Task targets = progress.start("targets", 2)) {
            try (Progress.Task inferences = progress.start("inferences on wio_terminal", 5)) {
                inferences.step();
                progress.aside(() -> screen.print("run PASSED\n"));
            }
            targets.step();
        }
        // each bar draws its last state as it ends: the inner one while open, the outer one once the inner has ended
        assertThat(screen()).contains("\r\u001b[Krun PASSED\n").contains("inferences on wio_terminal").contains("1/5")
                .contains("targets").contains("1/2");
    }
}
