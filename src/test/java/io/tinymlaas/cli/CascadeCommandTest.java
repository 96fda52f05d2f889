package io.tinymlaas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class CascadeCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void aThresholdAboveOneIsRefusedInOneLineWithExitCodeTwoBeforeAnythingRuns() {
        assertThat(run("cascade", "magic_wand", "--board", "arduino_nano_33_ble_sense", "--thresholds", "0.5,1.5")).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("tinyml: thresholds: a threshold is a confidence in [0, 1], found 1.5"
                + System.lineSeparator());
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void aThresholdThatIsNotANumberIsRefusedNamingTheOption() {
        assertThat(run("cascade", "magic_wand", "--board", "arduino_nano_33_ble_sense", "--thresholds", "0.5,high")).isEqualTo(2);
        assertThat(err.toString()).contains("--thresholds").contains("high").doesNotContain("\tat ");
    }
}
