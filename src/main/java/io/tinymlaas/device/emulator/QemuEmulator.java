package io.tinymlaas.device.emulator;

import io.tinymlaas.core.Executables;
import io.tinymlaas.device.board.Board;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs firmware on QEMU's same-core proxy machine for a board (mps2-an386 for Cortex-M4F boards, mps2-an500 for
 * M7), with -icount shift=0 so that SysTick counts executed instructions exactly, and the console UART on a pty.
 */
public final class QemuEmulator implements Emulator {

    static final String BINARY = "qemu-system-arm";

    @Override
    public String name() {
        return "qemu";
    }

    @Override
    public Availability availability(Board board) {
        if (board.qemu() == null || board.qemu().machine() == null) {
            return Availability.no(board.id() + ": no QEMU machine runs its core"
                    + (board.unsupportedReason() == null ? "" : " (" + board.unsupportedReason() + ")"));
        }
        if (QemuMachine.byName(board.qemu().machine()).isEmpty()) {
            return Availability.no(board.id() + ": QEMU machine " + board.qemu().machine() + " has no build profile yet");
        }
        if (Executables.find(BINARY).isEmpty()) {
            return Availability.no(BINARY + " is not installed; run bin/setup (apt-get install qemu-system-arm)");
        }
        return Availability.yes();
    }

    @Override
    public BuildProfile buildProfile(Board board) {
        QemuMachine machine = machine(board);
        // The real board's sizes are the limits, as long as the proxy has that much memory to load them into.
        return new BuildProfile(board.qemu().cpu(), machine.fpuFlags(),
                machine.codeOrigin(), Math.min(board.flashBytes(), machine.codeSize()),
                machine.ramOrigin(), Math.min(board.ramBytes(), machine.ramSize()),
                machine.uartBase(), machine.uartRxIrq(), machine.insnsPerTick(), machine.insnsPerTickDenominator(),
                machine.frameBuffer());
    }

    @Override
    public RunningBoard boot(Board board, Path firmwareElf, Duration timeout) {
        return boot(board, firmwareElf, BootExtras.NONE, timeout);
    }

    @Override
    public String describe(Board board) {
        return "qemu " + board.qemu().machine() + " (same-core proxy)";
    }

    @Override
    public boolean loadsPlugins() {
        return true;
    }

    /** Loads the inputs with QEMU's generic loader, as raw bytes at the frame buffer's address, and the plugin with -plugin. */
    @Override
    public RunningBoard boot(Board board, Path firmwareElf, BootExtras extras, Duration timeout) {
        List<String> extraArguments = new ArrayList<>();
        if (extras.inputs() != null) {
            // QEMU's option syntax doubles a comma that belongs to a value
            String file = extras.inputs().toAbsolutePath().toString().replace(",", ",,");
            extraArguments.addAll(List.of("-device", "loader,file=" + file + ",addr=0x"
                    + Long.toHexString(machine(board).frameBuffer().origin()) + ",force-raw=on"));
        }
        if (extras.plugin() != null) {
            extraArguments.addAll(List.of("-plugin", extras.plugin()));
        }
        Availability availability = availability(board);
        if (!availability.available()) {
            throw new EmulatorException(availability.reason());
        }
        List<String> command = new ArrayList<>(List.of(BINARY, "-M", board.qemu().machine(), "-cpu", board.qemu().cpu(),
                "-icount", "shift=0", "-display", "none", "-monitor", "none", "-serial", "pty",
                "-kernel", firmwareElf.toString()));
        command.addAll(extraArguments);
        return QemuProcess.start(command, "QEMU (" + board.qemu().machine() + ")", firmwareElf, timeout);
    }

    private static QemuMachine machine(Board board) {
        return QemuMachine.byName(board.qemu() == null ? "" : String.valueOf(board.qemu().machine()))
                .orElseThrow(() -> new EmulatorException(board.id() + " has no QEMU machine with a build profile"));
    }
}
