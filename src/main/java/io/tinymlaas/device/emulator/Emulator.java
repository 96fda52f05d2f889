package io.tinymlaas.device.emulator;

import io.tinymlaas.device.board.Board;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Something that runs a board's firmware and exposes its console UART as a serial device on the host
 * (a pty), so the host talks to it exactly as to a real board: QEMU (a same-core proxy machine) or Renode.
 */
public interface Emulator {

    /** Short name used in reports: "qemu", "renode". */
    String name();

    /** Whether the emulator is installed here and can run this board; the reason when not. */
    Availability availability(Board board);

    /**
     * Starts the firmware (an ELF built for {@link #buildProfile(Board)}) and returns once the console UART is
     * reachable on the host, or throws {@link EmulatorException} after {@code timeout} saying where it stopped.
     */
    RunningBoard boot(Board board, Path firmwareElf, Duration timeout);

    /**
     * Like {@link #boot(Board, Path, Duration)}, with what {@code extras} asks for before the firmware starts: inputs in the
     * frame buffer of {@link #buildProfile(Board)}, a TCG plugin. Only QEMU does either; the others refuse anything but
     * {@link BootExtras#NONE}.
     */
    default RunningBoard boot(Board board, Path firmwareElf, BootExtras extras, Duration timeout) {
        if (extras.inputs() != null) {
            throw new EmulatorException(name() + " cannot load inputs into a frame buffer of " + board.id()
                    + "; send them over the UART");
        }
        if (extras.plugin() != null) {
            throw new EmulatorException(name() + " loads no QEMU plugins");
        }
        return boot(board, firmwareElf, timeout);
    }

    /**
     * Whether this emulator models the real board, so it runs the firmware built for it ({@link BuildProfile#forDevice}),
     * rather than a same-core proxy with a memory map and UART of its own.
     */
    default boolean runsDeviceFirmware() {
        return false;
    }

    /** How long a boot may take before it counts as hung: seconds for QEMU; Renode's Mono start-up takes longer. */
    default Duration bootTimeout() {
        return Duration.ofSeconds(20);
    }

    /**
     * How long one answer (HELLO, RESULT) may take: QEMU moves a 9,216-B input in a second; Renode's UART models take
     * seconds per kilobyte on a busy machine.
     */
    default Duration answerTimeout() {
        return Duration.ofSeconds(10);
    }

    /** How long the host listens for the firmware's boot HELLO before it asks for one (zero: it asks at once). */
    default Duration listenBeforeAsking() {
        return Duration.ZERO;
    }

    /** What runs the board, for reports: the emulator and its machine or platform, e.g. "qemu mps2-an386 (same-core proxy)". */
    String describe(Board board);

    /** Whether {@link BootExtras#plugin()} works: QEMU loads TCG plugins, other emulators do not. */
    default boolean loadsPlugins() {
        return false;
    }

    /**
     * Whether firmware for the board can be built for this emulator, even where it cannot run here (not installed):
     * its flash and RAM are then still measured against the real board's.
     */
    default boolean builds(Board board) {
        return availability(board).available();
    }

    /** The memory map and console the firmware must be linked for when this emulator runs the board. */
    BuildProfile buildProfile(Board board);
}
