package io.tinymlaas.device.firmware;

import static org.assertj.core.api.Assertions.assertThat;

import io.tinymlaas.core.ProjectLayout;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Compiles one firmware model source for a Cortex-M4F with every warning an error, as the adapters' tests need. */
final class ArmGcc {

    private ArmGcc() {
    }

    /** The compiler's messages; empty when it built the file cleanly. */
    static String messages(Path directory, String source) throws IOException, InterruptedException {
        Process gcc = new ProcessBuilder("arm-none-eabi-gcc", "-std=c99", "-Os", "-mcpu=cortex-m4", "-mthumb", "-mfloat-abi=hard",
                "-mfpu=fpv4-sp-d16", "-Wall", "-Wextra", "-Werror", "-I" + ProjectLayout.find().firmware().resolve("include"), "-c",
                source, "-o", source.replace(".c", ".o"))
                .directory(directory.toFile()).redirectErrorStream(true).start();
        String output = new String(gcc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(gcc.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(gcc.exitValue() == 0).as("gcc's exit status matches its messages: %s", output).isEqualTo(output.isEmpty());
        return output;
    }
}
