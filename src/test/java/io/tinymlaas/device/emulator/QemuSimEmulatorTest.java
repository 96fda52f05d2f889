package io.tinymlaas.device.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tinymlaas.core.ProjectLayout;
import io.tinymlaas.device.board.Board;
import io.tinymlaas.device.board.BoardCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The QEMU simulator machines: which boards they serve, what they say when their emulator is missing, how firmware links. */
class QemuSimEmulatorTest {

    private static final BoardCatalog CATALOG = new BoardCatalog(ProjectLayout.find().boards());
    private static final Board ESP32 = CATALOG.byId("esp32_devkitc");
    private static final Board WE_I = CATALOG.byId("himax_we1_plus");
    private static final Board EM_SDP = CATALOG.byId("arc_emsdp");

    @TempDir
    Path bin;

    @Test
    void anArcBoardCannotRunWithoutQemuSystemArcButItsFirmwareIsStillBuilt() {
        QemuSimEmulator arc = new QemuSimEmulator(SimMachine.ARC_EM, bin.toString());
        assertThat(arc.availability(WE_I).available()).isFalse();
        assertThat(arc.availability(WE_I).reason()).startsWith("no ARC emulator installed (qemu-system-arc)");
        assertThat(arc.builds(WE_I)).isTrue();
        assertThatThrownBy(() -> arc.boot(WE_I, bin.resolve("firmware.elf"), Duration.ofSeconds(1)))
                .isInstanceOf(EmulatorException.class)
                .hasMessageStartingWith("cannot run himax_we1_plus: no ARC emulator installed (qemu-system-arc)");
    }

    @Test
    void withQemuSystemArcOnThePathAnArcBoardIsAvailable() throws IOException {
        Path qemu = Files.writeString(bin.resolve("qemu-system-arc"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(qemu, PosixFilePermissions.fromString("rwxr-xr-x"));
        Availability availability = new QemuSimEmulator(SimMachine.ARC_EM, bin.toString()).availability(EM_SDP);
        assertThat(availability.available()).isTrue();
        assertThat(availability.reason()).contains("ARC EM proxy", "qemu-system-arc -M arc-sim -cpu arcem");
    }

    @Test
    void theArcProfileLinksAtTheProxysAddressesWithTheRealBoardsSizesAndTheCountersRatio() {
        BuildProfile weI = new QemuSimEmulator(SimMachine.ARC_EM, "").buildProfile(WE_I);
        assertThat(weI.cpu()).isEqualTo("em4_dmips");
        assertThat(weI.flashOrigin()).isZero();
        assertThat(weI.flashLength()).isEqualTo(2 * 1024 * 1024);
        assertThat(weI.ramOrigin()).isEqualTo(0x0080_0000L);
        assertThat(weI.ramLength()).isEqualTo(2 * 1024 * 1024);
        assertThat(weI.uartBase()).isEqualTo(0x9000_0000L);
        assertThat(weI.insnsPerTick() / (double) weI.insnsPerTickDenominator()).isEqualTo(1000 / 2048.0);
        BuildProfile emSdp = new QemuSimEmulator(SimMachine.ARC_EM, "").buildProfile(EM_SDP);
        assertThat(emSdp.flashLength()).isEqualTo(128 * 1024);
        assertThat(emSdp.ramLength()).isEqualTo(128 * 1024);
    }

    @Test
    void theEsp32ProfileIsTheLx106sRomAndRamCappedAtTheEsp32sFlashAndSramWithTheBoardsUart() {
        BuildProfile profile = new QemuSimEmulator(SimMachine.XTENSA_LX106, "").buildProfile(ESP32);
        assertThat(profile.flashOrigin()).isEqualTo(0x5000_0000L);
        assertThat(profile.flashLength()).isEqualTo(ESP32.flashBytes());
        assertThat(profile.ramOrigin()).isEqualTo(0x6000_0000L);
        assertThat(profile.ramLength()).isEqualTo(ESP32.ramBytes());
        assertThat(profile.uartBase()).isEqualTo(0x9D05_0020L);
        // 40 MHz CCOUNT, 64 ns per instruction under -icount shift=6: 2.56 ticks per instruction
        assertThat(profile.insnsPerTick() / (double) profile.insnsPerTickDenominator()).isEqualTo(1 / 2.56);
    }

    @Test
    void eachMachineServesOnlyTheBoardsThatNameIt() {
        QemuSimEmulator xtensa = new QemuSimEmulator(SimMachine.XTENSA_LX106, "");
        assertThat(xtensa.builds(ESP32)).isTrue();
        assertThat(xtensa.builds(WE_I)).isFalse();
        assertThat(xtensa.builds(CATALOG.byId("arduino_nano_33_ble_sense"))).isFalse();
        assertThat(xtensa.availability(WE_I).reason()).isEqualTo("himax_we1_plus is not run on QEMU's lx60-nommu machine");
        assertThatThrownBy(() -> xtensa.buildProfile(WE_I)).isInstanceOf(EmulatorException.class);
        assertThat(xtensa.name()).isEqualTo("qemu (Xtensa LX106 proxy)");
        assertThat(xtensa.describe(ESP32)).isEqualTo("qemu lx60-nommu (Xtensa LX106 proxy)");
    }

    @Test
    void withoutQemuSystemXtensaTheEsp32SaysWhichPackageBringsIt() {
        assertThat(new QemuSimEmulator(SimMachine.XTENSA_LX106, bin.toString()).availability(ESP32).reason())
                .isEqualTo("qemu-system-xtensa is not installed; run bin/setup (apt-get install qemu-system-misc)");
    }
}
