package io.tinymlaas.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tinymlaas.core.ProjectLayout;
import io.tinymlaas.core.TinymlException;
import io.tinymlaas.device.Targets;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunSelectionTest {

    private static final Targets KNOWN = new Targets(ProjectLayout.find());

    private static RunSelection selection(String example, String... targets) {
        RunSelection selection = new RunSelection();
        selection.example = example;
        selection.targets = List.of(targets);
        return selection;
    }

    @Test
    void aTargetGivenTwiceRunsOnce() {
        assertThat(selection("hello_world", "x86", "wio_terminal", "x86").targets(KNOWN)).containsExactly("x86", "wio_terminal");
    }

    @Test
    void anUnknownBoardAmongSeveralIsRefusedByName() {
        assertThatThrownBy(() -> selection("hello_world", "x86", "wio_termnal").targets(KNOWN)).isInstanceOf(TinymlException.class)
                .hasMessageStartingWith("unknown board 'wio_termnal'; known boards: ");
    }
}
