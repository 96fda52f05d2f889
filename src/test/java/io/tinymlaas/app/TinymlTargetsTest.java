package io.tinymlaas.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tinymlaas.core.ProjectLayout;
import io.tinymlaas.core.TinymlException;
import org.junit.jupiter.api.Test;

/** Which targets a run request names, checked before anything runs. */
class TinymlTargetsTest {

    private static final Tinyml TINYML = new Tinyml(ProjectLayout.find());

    @Test
    void aTargetGivenTwiceRunsOnce() {
        assertThat(TINYML.targetsFor(RunRequest.of("hello_world", "x86", "wio_terminal", "x86"))).containsExactly("x86", "wio_terminal");
    }

    @Test
    void allIsX86AndEveryBoard() {
        assertThat(TINYML.targetsFor(RunRequest.of("hello_world", "all")))
                .startsWith("x86").contains("arduino_nano_33_ble_sense", "esp_eye").hasSize(1 + TINYML.boards().size());
    }

    @Test
    void anUnknownBoardAmongSeveralIsRefusedByName() {
        assertThatThrownBy(() -> TINYML.targetsFor(RunRequest.of("hello_world", "x86", "wio_termnal"))).isInstanceOf(TinymlException.class)
                .hasMessageStartingWith("unknown board 'wio_termnal'; known boards: ");
    }

    @Test
    void anUnknownExampleIsRefusedBeforeItsTargets() {
        assertThatThrownBy(() -> TINYML.targetsFor(RunRequest.of("hello_wrld", "wio_termnal"))).isInstanceOf(TinymlException.class)
                .hasMessageContaining("hello_wrld");
    }
}
