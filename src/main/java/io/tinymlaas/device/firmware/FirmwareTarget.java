package io.tinymlaas.device.firmware;

import io.tinymlaas.device.board.Board;
import java.util.Locale;

/**
 * Which board runtime under {@code firmware/targets/} builds a board's firmware, with which compiler, chosen by the
 * board's core: Cortex-M (with the Cortex-M kernels), Xtensa (the ESP32 boards, through the LX106 proxy) or ARC EM.
 * The Xtensa and ARC runtimes link the portable reference kernels only.
 */
public enum FirmwareTarget {
    CORTEX_M("cortex_m", "arm-none-eabi-gcc", "apt-get install gcc-arm-none-eabi libnewlib-arm-none-eabi", true),
    XTENSA("xtensa", "xtensa-lx106-elf-gcc",
            "apt-get install gcc-xtensa-lx106 binutils-xtensa-lx106 picolibc-xtensa-lx106-elf", false),
    ARC("arc", "arc-linux-gnu-gcc", "apt-get install gcc-arc-linux-gnu", false);

    private final String directory;
    private final String compiler;
    private final String packages;
    private final boolean cortexMKernels;

    FirmwareTarget(String directory, String compiler, String packages, boolean cortexMKernels) {
        this.directory = directory;
        this.compiler = compiler;
        this.packages = packages;
        this.cortexMKernels = cortexMKernels;
    }

    /** The runtime for the board's core: {@code xtensa-*} and {@code arc-*} cores have their own, every other is Cortex-M. */
    public static FirmwareTarget of(Board board) {
        String core = board.core().toLowerCase(Locale.ROOT);
        if (core.startsWith("xtensa-")) {
            return XTENSA;
        }
        return core.startsWith("arc-") ? ARC : CORTEX_M;
    }

    /** The folder under {@code firmware/targets/}. */
    public String directory() {
        return directory;
    }

    /** The C compiler the runtime's Makefile calls; its absence is reported before any build. */
    public String compiler() {
        return compiler;
    }

    /** What to run when the compiler is missing. */
    public String installHint() {
        return "run bin/setup (" + packages + ")";
    }

    /** Whether the Cortex-M variants in firmware/kernels/cortex_m replace portable kernels. */
    public boolean cortexMKernels() {
        return cortexMKernels;
    }
}
