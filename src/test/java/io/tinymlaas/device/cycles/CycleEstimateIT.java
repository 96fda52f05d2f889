package io.tinymlaas.device.cycles;

import static org.assertj.core.api.Assertions.assertThat;

import io.tinymlaas.compile.FirmwareModel;
import io.tinymlaas.core.ProjectLayout;
import io.tinymlaas.device.BoardTarget;
import io.tinymlaas.device.TargetRun;
import io.tinymlaas.device.Targets;
import io.tinymlaas.device.board.Board;
import io.tinymlaas.device.emulator.QemuEmulator;
import io.tinymlaas.device.firmware.FirmwareBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The profiling plugin under QEMU, on the calibration fixture whose cycles are derived by hand in CycleEstimatorTest. */
class CycleEstimateIT {

    private static final ProjectLayout LAYOUT = ProjectLayout.find();
    private static final Path CALIBRATION = LAYOUT.firmware().resolve("targets/cortex_m/test/calib_model");

    @TempDir
    Path work;

    /** The fixture as the firmware builder takes a model: its model.h and model.c. */
    private static final FirmwareModel CALIBRATION_LOOP = new FirmwareModel() {
        @Override
        public String modelHash() {
            return "1534c8b660e573bae7f34df35f324562dd9eadb720a1db2c690760abf54e19e7";
        }

        @Override
        public Path writeTo(Path directory) {
            try {
                Files.createDirectories(directory);
                for (String file : List.of("model.h", "model.c")) {
                    Files.copy(CALIBRATION.resolve(file), directory.resolve(file));
                }
                return directory;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    };

    @Test
    void aBoardRunCarriesTheHandDerivedCyclesBesideTheExactInstructions() {
        Board nano = new Targets(LAYOUT).boards().byId("arduino_nano_33_ble_sense");
        BoardTarget board = new BoardTarget(nano, new QemuEmulator(), new FirmwareBuilder(LAYOUT.firmware()), work)
                .withCycleEstimates(LAYOUT.firmware());

        TargetRun run = board.runFirmware(CALIBRATION_LOOP, List.of(new byte[4], new byte[4]));

        assertThat(run.instructions()).containsExactly(2001L, 2001L);
        assertThat(run.estimates()).hasSize(2).allSatisfy(estimate -> {
            assertThat(estimate.instructions()).isEqualTo(2002); // the firmware's count leaves out the return
            assertThat(estimate.cycles()).isEqualTo(3003);
            assertThat(estimate.milliseconds()).isEqualTo(3003 / 64_000.0);
        });
    }
}
