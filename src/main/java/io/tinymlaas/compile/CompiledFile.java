package io.tinymlaas.compile;

import io.tinymlaas.tflite.TfliteFile;
import java.nio.file.Path;

/** A .tflite file and the C the compiler made of it: what every door that takes a user's model works with. */
public record CompiledFile(TfliteFile tflite, CompiledModel compiled) {

    public Path file() {
        return tflite.file();
    }

    public String sha256() {
        return tflite.sha256();
    }

    public String name() {
        return tflite.name();
    }
}
