package io.tinymlaas.device.emulator;

/** A booted emulated board. Closing it stops the emulator process. */
public interface RunningBoard extends AutoCloseable {

    /** The host serial device connected to the board's console UART, e.g. /dev/pts/5. */
    String serialDevice();

    /** True while the emulator process runs. */
    boolean alive();

    /** The emulator's own recent output (stdout/stderr/log), for error messages. */
    String emulatorLog();

    @Override
    void close();
}
