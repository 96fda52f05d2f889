package io.tinymlaas.link;

import static org.assertj.core.api.Assertions.assertThat;

import io.tinymlaas.core.ProjectLayout;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The firmware's side of the frame codec (firmware/link/frame.c), chunked tensors included: its host test
 * (firmware/targets/cortex_m/test/host_frame_test.c) built with the host gcc under AddressSanitizer/UBSan.
 */
class FrameCodecInCTest {

    @TempDir
    Path work;

    @Test
    void theFirmwareCodecPassesItsChecksUnderTheSanitizers() throws IOException, InterruptedException {
        Path firmware = ProjectLayout.find().firmware();
        Path binary = work.resolve("host_frame_test");
        String log = run(List.of("gcc", "-std=c99", "-Wall", "-Wextra", "-Werror", "-pedantic",
                "-fsanitize=address,undefined", "-fno-sanitize-recover=all", "-g",
                "-I" + firmware.resolve("link"), firmware.resolve("link/frame.c").toString(),
                firmware.resolve("targets/cortex_m/test/host_frame_test.c").toString(), "-o", binary.toString()));
        assertThat(log).isEmpty();
        assertThat(run(List.of(binary.toString()))).contains("host_frame_test: all checks passed");
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(out).isZero();
        return out;
    }
}
