package io.tinymlaas.compile;

import java.nio.file.Path;

/**
 * What the board runtime (firmware/targets/cortex_m) hosts: C sources giving {@code model.h} and its functions
 * (input buffer, output buffer, invoke), and the hash the board names in its HELLO so the host knows what it talks to.
 * A compiled network is one; the audio front end ({@link FrontEndModel}) is another; the two in one INFER
 * ({@link KeywordSpotterModel}) a third.
 */
public interface FirmwareModel {

    String modelHash();

    /** Preprocessor definitions (NAME=value) every C file of the firmware must be compiled with: the arithmetic profile's. */
    default java.util.List<String> cDefines() {
        return java.util.List.of();
    }

    /** Writes {@code model.h} and the C sources the firmware build compiles with it into {@code directory}. */
    Path writeTo(Path directory);
}
