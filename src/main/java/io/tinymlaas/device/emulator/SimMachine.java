package io.tinymlaas.device.emulator;

import java.util.List;

/**
 * A QEMU machine that stands in for boards whose core QEMU's Arm emulator lacks: same instruction set family, not
 * the same chip, with a 16550-compatible console UART. Facts checked by running Debian 12's qemu-system-xtensa 7.2
 * (lx60-nommu with the lx106 core: sysrom0 64 MiB at 0x50000000 where the core resets, sysram0 64 MiB at 0x60000000,
 * a 16550 at 0x9D050020 on -serial #0, CCOUNT at 40 MHz from the virtual clock; the sim machine's semihosting console
 * lost input bytes under load, so it is not used) and, for ARC, read from Synopsys's QEMU fork (arc-sim: RAM from 0,
 * an 8250 UART at 0x90000000 with registers 4 bytes apart, TIMER0 at 1 MHz), which is in no registry here and was
 * not run.
 *
 * @param proxy          how reports name the stand-in, e.g. "Xtensa LX106 proxy"
 * @param binary         the QEMU system emulator
 * @param machine        its {@code -M} value, matched against a board's {@code qemu.machine}
 * @param cpu            its {@code -cpu} value
 * @param compilerCpu    what the firmware is compiled for ({@code -mcpu} where the compiler takes one)
 * @param options        further options: {@code -icount shift=S} so the core's counter gives exact instruction
 *                       counts (more than two ticks per instruction), memory size
 * @param consoleBase    the console UART's registers
 * @param insnsPerTick   instructions per counter tick under those options, as a fraction with {@code insnsPerTickDenominator}
 * @param notInstalled   what to say when {@code binary} is not on the PATH
 */
public record SimMachine(String proxy, String binary, String machine, String cpu, String compilerCpu, List<String> options,
                         long codeOrigin, long codeSize, long ramOrigin, long ramSize, long consoleBase,
                         int insnsPerTick, int insnsPerTickDenominator, String notInstalled) {

    private static final long MIB = 1024 * 1024;

    /**
     * The ESP32's stand-in. The lx106 is a subset of the ESP32's LX6 (no register windows, FPU, MAC16 or zero-overhead
     * loops): outputs are bit-exact, instruction counts an approximation of the LX6's. 2.56 CCOUNT ticks per
     * instruction under shift=6 (64 ns at 40 MHz).
     */
    public static final SimMachine XTENSA_LX106 = new SimMachine("Xtensa LX106 proxy", "qemu-system-xtensa", "lx60-nommu",
            "lx106", "lx106", List.of("-icount", "shift=6"),
            0x5000_0000L, 64 * MIB, 0x6000_0000L, 64 * MIB, 0x9D05_0020L, 25, 64,
            "qemu-system-xtensa is not installed; run bin/setup (apt-get install qemu-system-misc)");

    /**
     * The ARC EM boards' stand-in: code from 0, data from 8 MiB, in 16 MiB of RAM. 2.048 TIMER0 ticks per instruction
     * under shift=11 (2,048 ns at 1 MHz).
     */
    public static final SimMachine ARC_EM = new SimMachine("ARC EM proxy", "qemu-system-arc", "arc-sim", "arcem",
            "em4_dmips", List.of("-icount", "shift=11", "-m", "16M"),
            0x0000_0000L, 8 * MIB, 0x0080_0000L, 8 * MIB, 0x9000_0000L, 125, 256,
            "no ARC emulator installed (qemu-system-arc): no registry here has one; Synopsys's QEMU fork"
                    + " (foss-for-synopsys-dwc-arc-processors/qemu) builds from source and puts it on the PATH");

    public SimMachine {
        options = List.copyOf(options);
    }
}
