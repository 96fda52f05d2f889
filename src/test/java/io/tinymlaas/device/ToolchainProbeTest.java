package io.tinymlaas.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tinymlaas.core.TinymlException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ToolchainProbeTest {

    @Test
    void theHostGccIsInstalledAndSaysItsVersionAndMachine() {
        ToolchainProbe.Probe probe = ToolchainProbe.probe("gcc", "gcc");

        assertThat(probe.installed()).isTrue();
        assertThat(probe.version()).startsWith("gcc");
        assertThat(probe.targets()).hasSize(1);
        assertThat(probe.reason()).isNull();
    }

    @Test
    void aGccThatIsNotThereIsNotInstalledAndTheReasonNamesItsPathAndHowToInstallOne() {
        ToolchainProbe.Probe probe = ToolchainProbe.probe("gcc", "/nonexistent/gcc");

        assertThat(probe.installed()).isFalse();
        assertThat(probe.version()).isNull();
        assertThat(probe.reason()).contains("/nonexistent/gcc").contains("apt-get install gcc");
    }

    @Test
    void aMissingArmGccIsReportedWithTheSetupThatInstallsIt() {
        ToolchainProbe.Probe probe = ToolchainProbe.probe("arm-gcc", "arm-none-eabi-gcc-that-is-not-there");

        assertThat(probe.installed()).isFalse();
        assertThat(probe.targets()).contains("cortex-m4", "cortex-m55");
        assertThat(probe.reason()).startsWith("arm-none-eabi-gcc-that-is-not-there is not installed")
                .contains("bin/setup", "apt-get install gcc-arm-none-eabi");
    }

    @Test
    void ourAotCompilerIsAlwaysInstalledAndWritesC99() {
        ToolchainProbe.Probe probe = ToolchainProbe.probe("aot", null);

        assertThat(probe).isEqualTo(new ToolchainProbe.Probe(true, ToolchainProbe.AOT_VERSION,
                List.of("C99 with a static memory plan"), null));
    }

    @Test
    void anUnknownKindIsRefusedNamingTheKinds() {
        assertThatThrownBy(() -> ToolchainProbe.probe("clang", "clang")).isInstanceOf(TinymlException.class)
                .hasMessage("unknown toolchain kind 'clang'; the kinds are aot, arm-gcc, x86-container, gcc");
    }

    @Test
    void theDefaultsAreOurCompilerArmGccAndTheX86ContainersGccEachOfAKnownKind() {
        assertThat(ToolchainProbe.defaults()).extracting(ToolchainProbe.Default::kind)
                .containsExactly("aot", "arm-gcc", "x86-container");
        assertThat(ToolchainProbe.defaults()).extracting(ToolchainProbe.Default::command)
                .contains("arm-none-eabi-gcc", X86Container.IMAGE);
    }
}
