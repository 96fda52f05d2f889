package io.tinymlaas.device.firmware;

import static org.assertj.core.api.Assertions.assertThat;

import io.tinymlaas.core.HostProcess;
import io.tinymlaas.core.ProjectLayout;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Xtensa runtime's soft-float helpers (firmware/targets/xtensa/softfloat.c), which the int8 SOFTMAX kernel's float
 * arithmetic calls on the ESP32 proxy, built with the host gcc: every result equals the host's IEEE single precision,
 * so a classifier's outputs stay bit-identical.
 */
class SoftFloatInCTest {

    private static final Path XTENSA = ProjectLayout.find().firmware().resolve("targets/xtensa");

    @TempDir
    Path work;

    @Test
    void addSubtractMultiplyAndIntToFloatRoundAsTheHostDoesOnTwoMillionRandomOperands() throws IOException {
        Path driver = work.resolve("softfloat_host_test");
        HostProcess.run(List.of("gcc", "-std=c99", "-O2", "-ffp-contract=off", "-Wall", "-Wextra", "-Werror",
                "-fsanitize=undefined", "-fno-sanitize-recover=all", "-D__addsf3=soft_add", "-D__subsf3=soft_sub",
                "-D__mulsf3=soft_mul", "-D__floatsisf=soft_float", XTENSA.resolve("test/softfloat_host_test.c").toString(),
                XTENSA.resolve("softfloat.c").toString(), "-o", driver.toString()), null, work);
        String report = new String(HostProcess.run(List.of(driver.toString()), null, work), StandardCharsets.UTF_8);
        assertThat(report).isEqualTo("0 differences\n");
    }
}
