package io.tinymlaas.device.emulator;

import io.tinymlaas.device.board.Board;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The text the Renode backend feeds to Renode, generated without any I/O so it can be tested without Renode:
 * the committed {@code renode/<board_id>.resc} scripts and the monitor commands that boot one of them.
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
    /** The monitor variable holding {@code @/path/to/renode/instruction_counter.py}. */
    public static final String COUNTER_VARIABLE = "$counter";
    /** The script, in the project's {@code renode/}, that answers the DWT's CYCCNT with executed instructions. */
    public static final String COUNTER_SCRIPT = "instruction_counter.py";
    /** Ends the Renode process (BOARDS.md §2: a telnet-mode Renode is closed by sending {@code quit}). */
    public static final String QUIT = "quit";

    /** The Cortex-M DWT block: the firmware for the real boards reads CYCCNT at its base + 4. */
    static final String DWT = "0xE0001000 0x1000";

    /**
     * Characters that may appear in a path handed to the monitor. Renode ends an {@code @path} at white space,
     * and quotes, {@code $}, {@code #} or {@code ;} would be read as syntax, so anything else is refused rather
     * than escaped by guesswork.
     */
    private static final Pattern SAFE_PATH = Pattern.compile("[A-Za-z0-9_./+\\-:,]+");

    private RenodeScript() {
    }

    /** The file name of a board's script in the project's {@code renode/} folder. */
    public static String rescFileName(String boardId) {
        return boardId + ".resc";
    }

    /**
     * The monitor commands of {@code renode/<board_id>.resc}: create the machine, load the platform and what the board's
     * descriptor adds to it ({@code renode.setup}: peripherals the platform lacks, such as the board's own console UART),
     * put the instruction counter where the DWT is, load the firmware for the real board from {@value #ELF_VARIABLE} with
     * the vector table at its bootloader offset, put a pty at {@value #PTY_VARIABLE} and connect the console UART to it.
     *
     * @throws IllegalArgumentException when the board has no Renode platform, no console UART there, or no firmware for
     *                                  the real board (no {@code family} and {@code device})
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
        if (board.device() == null) {
            throw new IllegalArgumentException(board.id() + " has no firmware for the real board (family and device in boards/"
                    + board.id() + ".yaml), which is what Renode runs");
        }
        List<String> commands = new ArrayList<>();
        commands.add("mach create \"" + board.id() + "\"");
        commands.add("machine LoadPlatformDescription @" + renode.platform());
        commands.addAll(renode.setup());
        commands.add("machine PyDevFromFile " + COUNTER_VARIABLE + " " + DWT + " False \"instruction_counter\"");
        commands.add("sysbus LoadELF " + ELF_VARIABLE);
        commands.add(renode.cpu() + " VectorTableOffset 0x" + Long.toHexString(board.device().flashOrigin()));
        commands.add("emulation CreateUartPtyTerminal \"" + TERMINAL + "\" " + PTY_VARIABLE + " true");
        commands.add("connector Connect " + renode.uart() + " " + TERMINAL);
        return commands;
    }

    /** The whole text of {@code renode/<board_id>.resc}: a {@code :name:}/{@code :description:} header, then the commands. */
    public static String resc(Board board) {
        List<String> lines = new ArrayList<>();
        lines.add(":name: " + board.id());
        lines.add(":description: TinyMLaaS console for " + board.id() + " on " + board.renode().platform() + ", "
                + board.renode().uart() + " on a host pty. Generated from boards/" + board.id()
                + ".yaml by RenodeScript; set the elf, counter and pty variables before including it.");
        lines.add("");
        lines.addAll(rescCommands(board));
        return String.join("\n", lines) + "\n";
    }

    /**
     * The monitor commands that boot a board: set {@value #ELF_VARIABLE}, {@value #COUNTER_VARIABLE} and
     * {@value #PTY_VARIABLE}, include the board's script, start the emulation.
     *
     * @param firmwareElf the ELF to load (made absolute)
     * @param ptyLink     where Renode should create the pty link (made absolute)
     * @param resc        the board's {@code .resc} (made absolute, so it does not depend on Renode's search path); the
     *                    instruction counter's script is beside it
     * @throws IllegalArgumentException when a path holds characters the monitor would misread
     */
    public static List<String> bootCommands(Path firmwareElf, Path ptyLink, Path resc) {
        Path absolute = resc.toAbsolutePath();
        return List.of(
                ELF_VARIABLE + "=@" + monitorPath(firmwareElf),
                COUNTER_VARIABLE + "=@" + monitorPath(absolute.resolveSibling(COUNTER_SCRIPT)),
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
}
