package io.tinymlaas.app;

import java.nio.file.Path;

/** A micro_speech run on a board (front end or keyword spotting), its verdict, its bench file and the model it ran. */
public record BoardBench<R>(R result, boolean passed, Path file, Path model) {

    public BoardBench(R result, boolean passed, Path file) {
        this(result, passed, file, null);
    }
}
