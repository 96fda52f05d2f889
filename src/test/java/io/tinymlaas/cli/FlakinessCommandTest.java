package io.tinymlaas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** `tinyml flakiness` refuses what cannot measure a spread before it trains anything. */
class FlakinessCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void fewerThanTwoRunsAreRefusedWithExitCode2() {
        assertThat(run("flakiness", "hello_world", "--runs", "1")).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("tinyml: --runs must be at least 2 to measure a spread, not 1" + System.lineSeparator());
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void anUnknownExampleIsRefusedWithTheKnownOnesBeforeAnyTraining() {
        assertThat(run("flakiness", "hello_world", "sine_wave")).isEqualTo(2);
        assertThat(err.toString()).contains("unknown example 'sine_wave'; known: hello_world, magic_wand, micro_speech, mnist_lstm, person_detection");
        assertThat(out.toString()).isEmpty();
    }
}
