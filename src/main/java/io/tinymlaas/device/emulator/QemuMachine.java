package io.tinymlaas.device.emulator;

import java.util.Map;
import java.util.Optional;

/**
 * Facts about the QEMU 7.2 machines used as same-core proxies (checked by running Debian's qemu-system-arm:
 * BOARDS.md §3 and firmware/targets/cortex_m/README.md): where code and RAM are, how much the machine has,
 * where UART0 (= -serial #0) is and its RX interrupt line (mps3-an547: 33, seen with `-trace nvic_set_pending`), and SysTick ticks per executed instruction under -icount shift=0.
 * The frame buffer is RAM the firmware's linker script leaves alone (`info mtree -f`): the PSRAM of mps2-an386
 * (0x21000000) and mps2-an500 (0x60000000), 16 MiB each, and on mps3-an547 the DDR's secure window at 0x70000000
 * (256 MiB; the firmware runs secure, and the DDR's memory protection controller blocks non-secure accesses).
 */
public record QemuMachine(String name, String fpuFlags, long codeOrigin, long codeSize, long ramOrigin, long ramSize,
                          long uartBase, int uartRxIrq, int insnsPerTick, int insnsPerTickDenominator,
                          FrameBuffer frameBuffer) {

    private static final long MIB = 1024 * 1024;

    private static final Map<String, QemuMachine> KNOWN = Map.of(
            "mps2-an386", new QemuMachine("mps2-an386", "-mfpu=fpv4-sp-d16 -mfloat-abi=hard",
                    0x0000_0000L, 4 * MIB, 0x2000_0000L, 4 * MIB, 0x4000_4000L, 0, 40, 1,
                    new FrameBuffer(0x2100_0000L, 16 * MIB)),
            "mps2-an500", new QemuMachine("mps2-an500", "-mfpu=fpv5-d16 -mfloat-abi=hard",
                    0x0000_0000L, 4 * MIB, 0x2000_0000L, 4 * MIB, 0x4000_4000L, 0, 40, 1,
                    new FrameBuffer(0x6000_0000L, 16 * MIB)),
            // SysTick runs at 32 MHz here: 31.25 instructions per tick.
            "mps3-an547", new QemuMachine("mps3-an547", "-mfloat-abi=hard",
                    0x0000_0000L, 512 * 1024, 0x3000_0000L, 512 * 1024, 0x5930_3000L, 33, 125, 4,
                    new FrameBuffer(0x7000_0000L, 256 * MIB)));

    public static Optional<QemuMachine> byName(String name) {
        return Optional.ofNullable(KNOWN.get(name));
    }
}
