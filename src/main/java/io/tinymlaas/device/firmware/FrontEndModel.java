package io.tinymlaas.device.firmware;

import io.tinymlaas.compile.FirmwareModel;
import io.tinymlaas.core.Hashes;
import io.tinymlaas.core.TinymlException;
import io.tinymlaas.data.audio.FrontEnd;
import io.tinymlaas.data.audio.FrontEndTables;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The micro_speech audio front end ({@code firmware/frontend}) as the firmware's model: one clip of 16-bit PCM in,
 * its int8 features out, through {@code board_model.c}. The hash the board names is that of these C sources, so a
 * HELLO proves which front end the board runs.
 */
public final class FrontEndModel implements FirmwareModel {

    /** The front end's own files, copied as they are, and the adapter that becomes model.c. */
    private static final List<String> SOURCES = List.of("frontend.c", "frontend.h", "frontend_tables.h");
    private static final String ADAPTER = "board_model.c";

    public static final int INPUT_BYTES = 2 * FrontEndTables.CLIP;
    public static final int OUTPUT_BYTES = FrontEnd.FEATURES;

    private final Path frontEnd;
    private final String hash;

    /** {@code firmwareRoot} is the project's firmware folder, holding {@code frontend/}. */
    public FrontEndModel(Path firmwareRoot) {
        this.frontEnd = firmwareRoot.resolve("frontend");
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (String name : Stream.concat(SOURCES.stream(), Stream.of(ADAPTER)).toList()) {
            all.writeBytes(name.getBytes(StandardCharsets.UTF_8));
            all.writeBytes(read(frontEnd.resolve(name)));
        }
        this.hash = Hashes.sha256(all.toByteArray());
    }

    @Override
    public String modelHash() {
        return hash;
    }

    @Override
    public Path writeTo(Path directory) {
        try {
            writeFrontEnd(directory);
            Files.write(directory.resolve("model.c"), read(frontEnd.resolve(ADAPTER)));
            Files.writeString(directory.resolve("model.h"), header("The micro_speech audio front end as the board's model "
                    + "(firmware/frontend/" + ADAPTER + ").", INPUT_BYTES, OUTPUT_BYTES, hash, ""), StandardCharsets.UTF_8);
            return directory;
        } catch (IOException e) {
            throw new TinymlException("cannot write the front end's firmware sources to " + directory + ": " + e.getMessage(), e);
        }
    }

    /** Copies the front end's own sources into {@code directory}, for a firmware model that runs it with something else. */
    void writeFrontEnd(Path directory) throws IOException {
        Files.createDirectories(directory);
        for (String name : SOURCES) {
            Files.write(directory.resolve(name), read(frontEnd.resolve(name)));
        }
    }

    /** The model.h the board runtime reads, for a model made of the front end (and more: {@code extraDefines}). */
    static String header(String comment, int inputBytes, int outputBytes, String hash, String extraDefines) {
        return """
                /* %s */
                #ifndef TINYML_MODEL_H
                #define TINYML_MODEL_H

                #include <stdint.h>

                #define TINYML_MODEL_INPUT_BYTES %d
                #define TINYML_MODEL_OUTPUT_BYTES %d
                #define TINYML_MODEL_HASH "%s"
                %s
                int8_t *tinyml_model_input(void);
                const int8_t *tinyml_model_output(void);
                void tinyml_model_invoke(void);

                #endif
                """.formatted(comment, inputBytes, outputBytes, hash, extraDefines);
    }

    static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new TinymlException("cannot read the front end source " + file + ": " + e.getMessage(), e);
        }
    }
}
