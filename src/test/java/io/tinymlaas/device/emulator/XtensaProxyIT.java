package io.tinymlaas.device.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.tinymlaas.core.ProjectLayout;
import io.tinymlaas.device.board.Board;
import io.tinymlaas.device.board.BoardCatalog;
import io.tinymlaas.link.BoardSession;
import io.tinymlaas.link.SerialLink;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Xtensa LX106 proxy's instruction counter, calibrated: firmware whose model runs a loop of n two-instruction
 * passes (firmware/targets/xtensa/test/calib_model) reports counts that grow by exactly 2 per pass, over the same
 * framed protocol and pty as a Cortex-M board.
 */
class XtensaProxyIT {

    private static final ProjectLayout LAYOUT = ProjectLayout.find();
    private static final Board ESP32 = new BoardCatalog(LAYOUT.boards()).byId("esp32_devkitc");

    @TempDir
    Path work;

    @Test
    void theCounterCountsEveryInstructionOfALoopOfKnownLength() throws Exception {
        Path elf = buildCalibrationFirmware();
        try (RunningBoard board = new QemuSimEmulator(SimMachine.XTENSA_LX106).boot(ESP32, elf, Duration.ofSeconds(20));
             SerialLink link = SerialLink.open(board.serialDevice())) {
            BoardSession session = new BoardSession(link, Duration.ofSeconds(10));
            assertThat(session.hello().modelHash()).isEqualTo("xtensa-calibration-loop");
            long one = session.infer(new byte[] {0, 1}).instructions();
            long thousand = session.infer(new byte[] {10, 0}).instructions();
            long thousandAndOne = session.infer(new byte[] {10, 1}).instructions();
            long twentyFiveHundred = session.infer(new byte[] {25, 0}).instructions();
            assertThat(thousand - one).isEqualTo(2 * 999);
            assertThat(thousandAndOne - thousand).isEqualTo(2);
            assertThat(twentyFiveHundred - thousand).isEqualTo(2 * 1500);
            assertThat(session.infer(new byte[] {25, 0}).instructions()).isEqualTo(twentyFiveHundred);
        }
    }

    private Path buildCalibrationFirmware() throws IOException, InterruptedException {
        Path firmware = LAYOUT.firmware();
        Path out = work.resolve("build");
        Process make = new ProcessBuilder(List.of("make", "--no-print-directory", "-C",
                firmware.resolve("targets/xtensa").toString(),
                "MODEL_DIR=" + firmware.resolve("targets/xtensa/test/calib_model").toAbsolutePath(),
                "OUT=" + out.toAbsolutePath(), "BOARD_ID=esp32_devkitc"))
                .redirectErrorStream(true).redirectOutput(work.resolve("make.log").toFile()).start();
        assertThat(make.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(make.exitValue()).as(Files.readString(work.resolve("make.log"))).isZero();
        return out.resolve("firmware.elf");
    }
}
