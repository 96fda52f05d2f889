package io.tinymlaas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** `tinyml frontend` refuses what cannot run before it synthesizes any speech. */
class FrontEndCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void anUnknownBoardIsNamedInOneLine() {
        assertThat(run("frontend", "--board", "no_such_board")).isEqualTo(2);
        assertThat(err.toString()).startsWith("tinyml: ").contains("no_such_board").doesNotContain("\tat ");
    }

    @Test
    void aBoardNoEmulatorHereRunsIsRefusedWithTheReason() {
        assertThat(run("frontend", "--board", "himax_we1_plus")).isEqualTo(2);
        assertThat(err.toString()).startsWith("tinyml: himax_we1_plus cannot be emulated here: ");
    }

    @Test
    void noClipsIsRefused() {
        assertThat(run("frontend", "--board", "arduino_nano_33_ble_sense", "--clips", "0")).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("tinyml: the front end needs at least one clip to run on arduino_nano_33_ble_sense, not 0"
                + System.lineSeparator());
    }
}
