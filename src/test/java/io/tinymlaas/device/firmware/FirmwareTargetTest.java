package io.tinymlaas.device.firmware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tinymlaas.compile.AotCompiler;
import io.tinymlaas.core.ProjectLayout;
import io.tinymlaas.device.board.Board;
import io.tinymlaas.device.board.BoardCatalog;
import io.tinymlaas.device.emulator.QemuSimEmulator;
import io.tinymlaas.device.emulator.SimMachine;
import io.tinymlaas.tflite.SampleModels;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which runtime under firmware/targets builds a board's firmware, and what the Xtensa and ARC runtimes refuse. */
class FirmwareTargetTest {

    private static final ProjectLayout LAYOUT = ProjectLayout.find();
    private static final BoardCatalog CATALOG = new BoardCatalog(LAYOUT.boards());

    @TempDir
    Path work;

    @Test
    void theBoardsCoreChoosesTheRuntimeAndOnlyCortexMUsesTheCortexMKernels() {
        assertThat(FirmwareTarget.of(CATALOG.byId("arduino_nano_33_ble_sense"))).isEqualTo(FirmwareTarget.CORTEX_M);
        assertThat(FirmwareTarget.of(CATALOG.byId("arm_mps3_an547"))).isEqualTo(FirmwareTarget.CORTEX_M);
        assertThat(FirmwareTarget.of(CATALOG.byId("esp_eye"))).isEqualTo(FirmwareTarget.XTENSA);
        assertThat(FirmwareTarget.of(CATALOG.byId("arc_emsdp"))).isEqualTo(FirmwareTarget.ARC);
        assertThat(FirmwareTarget.CORTEX_M.cortexMKernels()).isTrue();
        assertThat(FirmwareTarget.XTENSA.cortexMKernels()).isFalse();
        assertThat(FirmwareTarget.ARC.installHint()).isEqualTo("run bin/setup (apt-get install gcc-arc-linux-gnu)");
    }

    @Test
    void anotherMainLoopThanTheFramedProtocolIsRefusedForTheEsp32BeforeAnythingIsBuilt() {
        Board esp32 = CATALOG.byId("esp32_devkitc");
        FirmwareBuilder runner = new FirmwareBuilder(LAYOUT.firmware()).withMain(LAYOUT.firmware().resolve("runner/runner.c"));
        assertThatThrownBy(() -> runner.build(AotCompiler.compile(SampleModels.tinyDense(), "11".repeat(32), "tiny.tflite"),
                esp32, new QemuSimEmulator(SimMachine.XTENSA_LX106, "").buildProfile(esp32), work))
                .isInstanceOf(FirmwareBuildException.class)
                .hasMessage("the xtensa runtime for esp32_devkitc hosts only the framed protocol"
                        + " (firmware/targets/cortex_m/main.c); runner.c is built for Cortex-M boards only");
        assertThat(work).isEmptyDirectory();
    }
}
