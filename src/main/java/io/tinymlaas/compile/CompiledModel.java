package io.tinymlaas.compile;

import io.tinymlaas.core.IoFailure;
import io.tinymlaas.core.TinymlException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The C that the compiler generated for one model: {@code model.h} (the API the firmware calls) and
 * {@code model.c} (weights, the static arena, and the kernel calls), with the figures that decide whether it fits.
 */
public record CompiledModel(String modelHash, String header, String source, MemoryPlan plan, int constantBytes,
                            int inputBytes, int outputBytes, ArithmeticProfile profile) implements FirmwareModel {

    public static final String HEADER = "model.h";
    public static final String SOURCE = "model.c";

    /** A model compiled for the default profile, TF Lite 2.6's arithmetic. */
    public CompiledModel(String modelHash, String header, String source, MemoryPlan plan, int constantBytes, int inputBytes,
                         int outputBytes) {
        this(modelHash, header, source, plan, constantBytes, inputBytes, outputBytes, ArithmeticProfile.TFLITE_2_6);
    }

    @Override
    public java.util.List<String> cDefines() {
        return profile.cDefines();
    }

    @Override
    public Path writeTo(Path directory) {
        try {
            Files.createDirectories(directory);
            Files.writeString(directory.resolve(HEADER), header, StandardCharsets.UTF_8);
            Files.writeString(directory.resolve(SOURCE), source, StandardCharsets.UTF_8);
            return directory;
        } catch (IOException e) {
            throw new TinymlException("cannot write the generated C to " + directory + ": " + IoFailure.reason(e), e);
        }
    }
}
