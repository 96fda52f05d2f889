package io.tinymlaas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** `tinyml demo face-following` refuses a target it cannot run on before it trains anything. */
class DemoCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void aBoardNoEmulatorHereRunsIsRefusedWithTheReason() {
        assertThat(run("demo", "face-following", "--board", "himax_we1_plus")).isEqualTo(2);
        assertThat(err.toString()).startsWith("tinyml: himax_we1_plus cannot be emulated here: ");
    }

    @Test
    void anUnknownBoardIsRefusedListingTheKnownOnes() {
        assertThat(run("demo", "face-following", "--board", "nano")).isEqualTo(2);
        assertThat(err.toString()).startsWith("tinyml: unknown board 'nano'; known boards: adafruit_edgebadge, ");
    }

    @Test
    void x86IsRefusedAsNoBoard() {
        assertThat(run("demo", "face-following", "--board", "x86")).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("tinyml: x86 is not a board; give a board id from `tinyml boards`" + System.lineSeparator());
    }

    @Test
    void withoutABoardItSaysTheOptionIsNeeded() {
        assertThat(run("demo", "face-following")).isEqualTo(2);
        assertThat(err.toString()).contains("Missing required option: '--board=<board>'");
    }
}
