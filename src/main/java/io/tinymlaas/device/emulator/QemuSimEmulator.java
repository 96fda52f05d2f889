package io.tinymlaas.device.emulator;

import io.tinymlaas.core.Executables;
import io.tinymlaas.device.board.Board;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a board's firmware on a QEMU machine of another core family ({@link SimMachine}: the Xtensa LX106
 * proxy for the ESP32 boards, the ARC EM proxy for the ARC boards) with the console on a pty, as {@link QemuEmulator}
 * does for Cortex-M. It serves the boards whose {@code qemu.machine} is its machine, and builds firmware for them
 * even where the emulator is not installed, so their flash and RAM are still checked against the real board.
 */
public final class QemuSimEmulator implements Emulator {

    private final SimMachine machine;
    private final String searchPath;

    /** The machine, its emulator looked for on the real PATH. */
    public QemuSimEmulator(SimMachine machine) {
        this(machine, System.getenv().getOrDefault("PATH", ""));
    }

    /** The machine, its emulator looked for in {@code searchPath} (a PATH-style list of folders). */
    public QemuSimEmulator(SimMachine machine, String searchPath) {
        this.machine = machine;
        this.searchPath = searchPath;
    }

    /** "qemu (Xtensa LX106 proxy)": the reasons a board cannot run say which stand-in was asked. */
    @Override
    public String name() {
        return "qemu (" + machine.proxy() + ")";
    }

    /** "qemu lx60-nommu (Xtensa LX106 proxy)": what ran, in every run's description. */
    @Override
    public String describe(Board board) {
        return "qemu " + machine.machine() + " (" + machine.proxy() + ")";
    }

    @Override
    public Availability availability(Board board) {
        if (!builds(board)) {
            return Availability.no(board.id() + " is not run on QEMU's " + machine.machine() + " machine");
        }
        if (Executables.find(machine.binary(), searchPath).isEmpty()) {
            return Availability.no(machine.notInstalled());
        }
        return new Availability(true, "available: " + machine.proxy() + " (" + machine.binary() + " -M "
                + machine.machine() + " -cpu " + machine.cpu() + "): outputs bit-exact, instruction counts approximate");
    }

    @Override
    public boolean builds(Board board) {
        return board.qemu() != null && machine.machine().equals(board.qemu().machine());
    }

    /** The machine's memory map with the real board's flash and RAM sizes, so firmware too big for the board fails to link. */
    @Override
    public BuildProfile buildProfile(Board board) {
        if (!builds(board)) {
            throw new EmulatorException(board.id() + " is not run on QEMU's " + machine.machine() + " machine");
        }
        return new BuildProfile(machine.compilerCpu(), "", machine.codeOrigin(), Math.min(board.flashBytes(), machine.codeSize()),
                machine.ramOrigin(), Math.min(board.ramBytes(), machine.ramSize()), machine.consoleBase(), 0,
                machine.insnsPerTick(), machine.insnsPerTickDenominator(), FrameBuffer.NONE);
    }

    @Override
    public RunningBoard boot(Board board, Path firmwareElf, Duration timeout) {
        Availability availability = availability(board);
        if (!availability.available()) {
            throw new EmulatorException("cannot run " + board.id() + ": " + availability.reason());
        }
        List<String> command = new ArrayList<>(List.of(machine.binary(), "-M", machine.machine(), "-cpu", machine.cpu()));
        command.addAll(machine.options());
        command.addAll(List.of("-display", "none", "-monitor", "none", "-serial", "pty", "-kernel", firmwareElf.toString()));
        return QemuProcess.start(command, "QEMU (" + machine.proxy() + ", " + machine.machine() + ")", firmwareElf, timeout);
    }
}
