package io.tinymlaas.device.emulator;

import io.tinymlaas.device.board.Board;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The text the Renode backend feeds to Renode, generated without any I/O so it can be tested without Renode:
 * the committed {@code renode/<board_id>.resc} scripts and the monitor commands that boot one of them. It also
 * holds what this backend knows about the Renode platforms the board descriptors name (memory map, console
 * UART model and address, CPU speed), read from the {@code .repl} files in renode/renode.
 *
 * <p>Monitor syntax follows BOARDS.md §2: {@code @} before paths, {@code $name=value} variables,
 * {@code include @file.resc}, {@code start}, {@code quit}.
 */
public final class RenodeScript {

    /** The name of the host terminal the console UART is connected to inside Renode. */
    public static final String TERMINAL = "term";
    /** The monitor variable holding {@code @/path/to/firmware.elf}; set before the {@code .resc} is included. */
    public static final String ELF_VARIABLE = "$elf";
    /** The monitor variable holding the quoted path where Renode creates the UART pty link. */
    public static final String PTY_VARIABLE = "$pty";
    /** Ends the Renode process (BOARDS.md §2: a telnet-mode Renode is closed by sending {@code quit}). */
    public static final String QUIT = "quit";

    /** Renode's default NVIC SysTick frequency when a .repl sets none: {@code 50 * 0x800000} Hz (NVIC.cs). */
    static final long DEFAULT_SYSTICK_HZ = 50L * 0x800000L;
    /** Renode's default {@code PerformanceInMips} for a CPU whose .repl sets none (TranslationCPU). */
    static final int DEFAULT_PERFORMANCE_MIPS = 100;

    /**
     * Characters that may appear in a path handed to the monitor. Renode ends an {@code @path} at white space,
     * and quotes, {@code $}, {@code #} or {@code ;} would be read as syntax, so anything else is refused rather
     * than escaped by guesswork.
     */
    private static final Pattern SAFE_PATH = Pattern.compile("[A-Za-z0-9_./+\\-:,]+");

    /**
     * A UART peripheral of a Renode platform.
     *
     * @param peripheral its name in the monitor, e.g. {@code sysbus.uart0}
     * @param model      the Renode model type, e.g. {@code UART.NRF52840_UART}
     * @param base       its base address on the system bus
     */
    public record Uart(String peripheral, String model, long base, int rxIrq) {
    }

    /**
     * What a Renode platform description provides, as far as firmware built for it is concerned.
     *
     * @param repl              the platform's path inside the Renode installation
     * @param cpuRepl           the CPU file it is built on ({@code using "..."}), or itself
     * @param cpuType           the {@code cpuType} of its {@code CPU.CortexM}
     * @param fpuFlags          gcc flags for that core's FPU
     * @param flashOrigin       where the code memory is mapped
     * @param flashSize         its size in the platform (may exceed the real part's)
     * @param ramOrigin         where the RAM is mapped
     * @param ramSize           its size in the platform
     * @param performanceInMips instructions per virtual microsecond ({@code PerformanceInMips}; 100 when unset)
     * @param systickHz         the NVIC's {@code systickFrequency} (50 * 0x800000 when unset)
     * @param uarts             the UARTs it models
     */
    public record Platform(String repl, String cpuRepl, String cpuType, String fpuFlags,
                           long flashOrigin, long flashSize, long ramOrigin, long ramSize,
                           int performanceInMips, long systickHz, List<Uart> uarts) {

        public Platform {
            uarts = List.copyOf(uarts);
        }

        /** The UART with this monitor name ({@code sysbus.uart0}), if the platform models it. */
        public Optional<Uart> uart(String peripheral) {
            return uarts.stream().filter(u -> u.peripheral().equals(peripheral)).findFirst();
        }

        Platform as(String boardRepl) {
            return new Platform(boardRepl, cpuRepl, cpuType, fpuFlags, flashOrigin, flashSize, ramOrigin, ramSize,
                    performanceInMips, systickHz, uarts);
        }
    }

    // Facts read from renode/renode (the repository antmicro/renode redirects to):
    //   platforms/cpus/nrf52840.repl @05ac5d6, platforms/boards/arduino_nano_33_ble.repl @2ca78fc (using nrf52840.repl),
    //   platforms/cpus/stm32f746.repl @04a2579, platforms/boards/stm32f7_discovery-bb.repl @381e0c5 (using stm32f746.repl),
    //   platforms/cpus/atsamd51g19a.repl @ef49c13. Defaults (MIPS 100, SysTick 50 * 0x800000 Hz) from
    //   renode-infrastructure's TranslationCPU and NVIC constructors.
    private static final Platform NRF52840 = new Platform(
            "platforms/cpus/nrf52840.repl", "platforms/cpus/nrf52840.repl", "cortex-m4",
            "-mfpu=fpv4-sp-d16 -mfloat-abi=hard",
            0x0L, 0x100000L, 0x20000000L, 0x40000L, DEFAULT_PERFORMANCE_MIPS, DEFAULT_SYSTICK_HZ,
            List.of(new Uart("sysbus.uart0", "UART.NRF52840_UART", 0x40002000L, 2),
                    new Uart("sysbus.uart1", "UART.NRF52840_UART", 0x40028000L, 40)));

    private static final Platform STM32F746 = new Platform(
            "platforms/cpus/stm32f746.repl", "platforms/cpus/stm32f746.repl", "cortex-m7",
            "-mfpu=fpv5-sp-d16 -mfloat-abi=hard",
            0x08000000L, 0x200000L, 0x20000000L, 0x60000L, 462, 216_000_000L,
            List.of(new Uart("sysbus.usart1", "UART.STM32F7_USART", 0x40011000L, 37),
                    new Uart("sysbus.usart2", "UART.STM32F7_USART", 0x40004400L, 38),
                    new Uart("sysbus.usart3", "UART.STM32F7_USART", 0x40004800L, 39),
                    new Uart("sysbus.usart6", "UART.STM32F7_USART", 0x40011400L, 71)));

    private static final Platform ATSAMD51G19A = new Platform(
            "platforms/cpus/atsamd51g19a.repl", "platforms/cpus/atsamd51g19a.repl", "cortex-m4f",
            "-mfpu=fpv4-sp-d16 -mfloat-abi=hard",
            0x0L, 0x80000L, 0x20000000L, 0x30000L, DEFAULT_PERFORMANCE_MIPS, DEFAULT_SYSTICK_HZ,
            List.of(new Uart("sysbus.sercom3", "UART.SAMD5_UART", 0x41014000L, 58)));

    private static final Map<String, Platform> PLATFORMS = Map.of(
            NRF52840.repl(), NRF52840,
            "platforms/boards/arduino_nano_33_ble.repl", NRF52840.as("platforms/boards/arduino_nano_33_ble.repl"),
            STM32F746.repl(), STM32F746,
            "platforms/boards/stm32f7_discovery-bb.repl", STM32F746.as("platforms/boards/stm32f7_discovery-bb.repl"),
            ATSAMD51G19A.repl(), ATSAMD51G19A);

    private RenodeScript() {
    }

    /** What this backend knows about the platform at {@code repl} (a path inside Renode), if anything. */
    public static Optional<Platform> platform(String repl) {
        return Optional.ofNullable(repl == null ? null : PLATFORMS.get(repl));
    }

    /** The file name of a board's script in the project's {@code renode/} folder. */
    public static String rescFileName(String boardId) {
        return boardId + ".resc";
    }

    /**
     * The monitor commands of {@code renode/<board_id>.resc}: create the machine, load the platform, load the
     * firmware from {@value #ELF_VARIABLE}, put a pty at {@value #PTY_VARIABLE} and connect the console UART to it.
     *
     * @throws IllegalArgumentException when the board has no Renode platform or no console UART there
     */
    public static List<String> rescCommands(Board board) {
        Board.Renode renode = board.renode();
        if (renode == null || !renode.hasPlatform()) {
            throw new IllegalArgumentException(board.id() + " has no Renode platform (renode.platform is null in boards/"
                    + board.id() + ".yaml)");
        }
        if (renode.uart() == null) {
            throw new IllegalArgumentException(board.id() + " names no console UART for Renode (renode.uart is null in boards/"
                    + board.id() + ".yaml)");
        }
        return List.of(
                "mach create \"" + board.id() + "\"",
                "machine LoadPlatformDescription @" + renode.platform(),
                "sysbus LoadELF " + ELF_VARIABLE,
                "emulation CreateUartPtyTerminal \"" + TERMINAL + "\" " + PTY_VARIABLE + " true",
                "connector Connect " + renode.uart() + " " + TERMINAL);
    }

    /** The whole text of {@code renode/<board_id>.resc}: a {@code :name:}/{@code :description:} header, then the commands. */
    public static String resc(Board board) {
        List<String> lines = new ArrayList<>();
        lines.add(":name: " + board.id());
        lines.add(":description: TinyMLaaS console for " + board.id() + " on " + board.renode().platform() + ", "
                + board.renode().uart() + " on a host pty. Generated from boards/" + board.id()
                + ".yaml by RenodeScript; set the elf and pty variables before including it.");
        lines.add("");
        lines.addAll(rescCommands(board));
        return String.join("\n", lines) + "\n";
    }

    /**
     * The monitor commands that boot a board: set {@value #ELF_VARIABLE} and {@value #PTY_VARIABLE}, include the
     * board's script, start the emulation.
     *
     * @param firmwareElf the ELF to load (made absolute)
     * @param ptyLink     where Renode should create the pty link (made absolute)
     * @param resc        the board's {@code .resc} (made absolute, so it does not depend on Renode's search path)
     * @throws IllegalArgumentException when a path holds characters the monitor would misread
     */
    public static List<String> bootCommands(Path firmwareElf, Path ptyLink, Path resc) {
        return List.of(
                ELF_VARIABLE + "=@" + monitorPath(firmwareElf),
                PTY_VARIABLE + "=\"" + monitorPath(ptyLink) + "\"",
                "include @" + monitorPath(resc),
                "start");
    }

    /** The absolute form of {@code path}, checked to be safe on a monitor command line. */
    static String monitorPath(Path path) {
        String text = path.toAbsolutePath().normalize().toString();
        if (!SAFE_PATH.matcher(text).matches()) {
            throw new IllegalArgumentException("path " + text + " cannot be given to the Renode monitor: only letters, digits"
                    + " and _ . / + - : , are allowed (no spaces, quotes, $, #, ;, = or @); move the file");
        }
        return text;
    }

    /** Executed instructions per SysTick tick on a platform, as a reduced fraction {numerator, denominator}. */
    static long[] instructionsPerTick(Platform platform) {
        long instructionsPerSecond = platform.performanceInMips() * 1_000_000L;
        long divisor = gcd(instructionsPerSecond, platform.systickHz());
        return new long[] {instructionsPerSecond / divisor, platform.systickHz() / divisor};
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
