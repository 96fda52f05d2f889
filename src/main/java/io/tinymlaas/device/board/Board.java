package io.tinymlaas.device.board;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Locale;

/**
 * One board descriptor, {@code boards/<id>.yaml}, as read by {@link BoardCatalog}. Component names mirror the
 * YAML keys in camelCase ({@code flash_bytes} is {@link #flashBytes()}).
 *
 * <p>The figures describe the <em>real</em> board (its internal flash and RAM that firmware may use), not the
 * emulator that stands in for it: a QEMU proxy usually has far more memory, so these limits must be enforced
 * by whoever builds or runs firmware for the board.
 *
 * @param id                unique id, equal to the descriptor's file name without {@code .yaml}
 * @param name              human-readable board name
 * @param mcu               microcontroller part
 * @param core              CPU core, e.g. {@code cortex-m4}, {@code cortex-m7}, {@code xtensa-lx6}, {@code arc-em9d}
 * @param fpu               floating-point unit, e.g. {@code FPv4-SP}, {@code none} or {@code unverified}
 * @param clockMhz          maximum (stock) core clock in MHz
 * @param flashBytes        flash available to firmware on the real board, in bytes
 * @param ramBytes          RAM available to firmware on the real board, in bytes
 * @param consoleUart       which UART carries the console, and its type (free text)
 * @param renode            the Renode platform for this board, if antmicro/renode ships one
 * @param qemu              the QEMU machine used as a same-core proxy, if any
 * @param toolchain         the compiler toolchain the board needs
 * @param emulation         how the board is emulated here
 * @param unsupportedReason why no emulator here runs the board; {@code null} when it is emulatable
 * @param sources           where the figures came from
 * @param notes             caveats, including facts that are not verified
 * @param economics         what the board draws and costs, for the cost model; null where no figures are known
 * @param flashTiming       flash wait states at {@code clockMhz}, for cycle estimates; null where not known (zero assumed)
 * @param family            the MCU family whose firmware drivers fit the real board; null where none does yet
 * @param device            how firmware for the real board is laid out and flashed; given exactly when family is
 */
public record Board(
        String id,
        String name,
        String mcu,
        String core,
        String fpu,
        int clockMhz,
        long flashBytes,
        long ramBytes,
        String consoleUart,
        Renode renode,
        Qemu qemu,
        String toolchain,
        Emulation emulation,
        String unsupportedReason,
        List<String> sources,
        List<String> notes,
        Economics economics,
        FlashTiming flashTiming,
        McuFamily family,
        Device device) {

    /** A board without flash timings and without firmware for the real board. */
    public Board(String id, String name, String mcu, String core, String fpu, int clockMhz, long flashBytes, long ramBytes,
                 String consoleUart, Renode renode, Qemu qemu, String toolchain, Emulation emulation,
                 String unsupportedReason, List<String> sources, List<String> notes, Economics economics) {
        this(id, name, mcu, core, fpu, clockMhz, flashBytes, ramBytes, consoleUart, renode, qemu, toolchain, emulation,
                unsupportedReason, sources, notes, economics, null, null, null);
    }

    public Board {
        sources = sources == null ? List.of() : List.copyOf(sources);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /** True when an emulator installed here runs this board's core (today: a QEMU proxy machine). */
    public boolean emulatable() {
        return emulation == Emulation.QEMU;
    }

    /**
     * The board's Renode description.
     *
     * @param platform path of the {@code .repl} in antmicro/renode (e.g. {@code platforms/cpus/nrf52840.repl}), or null
     * @param uart     the console UART peripheral the firmware for the real board talks to (e.g. {@code sysbus.uart0}),
     *                 or null
     * @param cpu      the CPU's name in the monitor (default {@code sysbus.cpu})
     * @param setup    monitor commands run after the platform is loaded: what the board has and the platform lacks
     *                 (e.g. the board's own console UART), none by default
     */
    public record Renode(String platform, String uart, String cpu, List<String> setup) {

        public Renode {
            cpu = cpu == null ? "sysbus.cpu" : cpu;
            setup = setup == null ? List.of() : List.copyOf(setup);
        }

        public Renode(String platform, String uart) {
            this(platform, uart, null, null);
        }

        /** True when antmicro/renode ships a platform file usable for this board. */
        public boolean hasPlatform() {
            return platform != null;
        }
    }

    /**
     * The QEMU machine that stands in for the board: same core, different memory map and peripherals.
     *
     * @param machine {@code -M} value, e.g. {@code mps2-an386}, or null
     * @param cpu     the core the machine runs, e.g. {@code cortex-m4}, or null
     */
    public record Qemu(String machine, String cpu) {
    }

    /**
     * What the board draws and costs: the figures the cost model multiplies the measured instructions with.
     *
     * @param activeMw     the MCU's power running code from flash at {@code clock_mhz}, in milliwatts
     * @param sleepUw      its power in the deepest sleep that keeps RAM and a wake-up timer, in microwatts
     * @param unitPriceUsd one board at retail, in US dollars
     */
    public record Economics(double activeMw, double sleepUw, double unitPriceUsd) {
    }

    /**
     * What a fetch from the board's flash costs at {@code clock_mhz}.
     *
     * @param waitStates extra cycles per flash access at that clock
     * @param cache      whether a cache or prefetch accelerator serves instruction fetches (then loops run at zero wait)
     * @param source     where the figures come from, UNVERIFIED where from memory
     */
    public record FlashTiming(int waitStates, boolean cache, String source) {
    }

    /** How a board is emulated here. Spelled in lower case in the YAML ({@code qemu}, {@code none}). */
    public enum Emulation {
        /** A Debian 12 QEMU machine with the same core runs the board's firmware (rebuilt for that machine). */
        QEMU,
        /** No emulator installed here runs the board's core; {@link Board#unsupportedReason()} says why. */
        NONE;

        /** The spelling used in the YAML descriptors. */
        @JsonValue
        public String yamlName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
