package io.tinymlaas.runner;

import java.time.Duration;
import java.util.Optional;

/** A text line channel to a device under test: commands out, CR LF-terminated lines in. */
public interface RunnerChannel extends AutoCloseable {

    /** Writes the text as it is (the caller adds the runner's '%' terminator). */
    void write(String text);

    /** The next line without its line end, or empty if none is complete within {@code timeout}. */
    Optional<String> readLine(Duration timeout);

    @Override
    void close();
}
