package io.tinymlaas.device.firmware;

import static org.assertj.core.api.Assertions.assertThat;

import io.tinymlaas.core.HostProcess;
import io.tinymlaas.core.ProjectLayout;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The soft-float helpers of the Xtensa and ARC runtimes (firmware/targets/portable/softfloat.c, arc/softfloat_arc.c),
 * which the int8 SOFTMAX kernel's float arithmetic calls there, built with the host gcc: every result equals the
 * host's IEEE single precision, so a classifier's outputs stay bit-identical.
 */
class SoftFloatInCTest {

    private static final Path TARGETS = ProjectLayout.find().firmware().resolve("targets");
    private static final List<String> RENAMED = List.of("__addsf3=soft_add", "__subsf3=soft_sub", "__mulsf3=soft_mul",
            "__floatsisf=soft_float", "__divsf3=soft_div", "__fixsfsi=soft_fix", "__gesf2=soft_ge", "__gtsf2=soft_gt",
            "__lesf2=soft_le", "__ltsf2=soft_lt", "__eqsf2=soft_eq", "__nesf2=soft_ne");

    @TempDir
    Path work;

    @Test
    void everyHelperRoundsAsTheHostDoesOnTwoMillionRandomOperands() throws IOException {
        Path driver = work.resolve("softfloat_host_test");
        List<String> command = new ArrayList<>(List.of("gcc", "-std=c99", "-O2", "-ffp-contract=off", "-Wall", "-Wextra",
                "-Werror", "-fsanitize=undefined", "-fno-sanitize-recover=all", "-I" + TARGETS.resolve("portable")));
        RENAMED.forEach(rename -> command.add("-D" + rename));
        command.addAll(List.of(TARGETS.resolve("portable/softfloat_host_test.c").toString(),
                TARGETS.resolve("portable/softfloat.c").toString(), TARGETS.resolve("arc/softfloat_arc.c").toString(),
                "-o", driver.toString()));
        HostProcess.run(command, null, work);
        String report = new String(HostProcess.run(List.of(driver.toString()), null, work), StandardCharsets.UTF_8);
        assertThat(report).isEqualTo("0 differences\n");
    }
}
