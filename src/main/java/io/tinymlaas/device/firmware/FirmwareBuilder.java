package io.tinymlaas.device.firmware;

import io.tinymlaas.compile.FirmwareModel;
import io.tinymlaas.core.Executables;
import io.tinymlaas.core.TinymlException;
import io.tinymlaas.device.board.Board;
import io.tinymlaas.device.board.Device;
import io.tinymlaas.device.emulator.BuildProfile;
import io.tinymlaas.device.emulator.EmulatorException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Builds firmware for a board: the runtime of its core under firmware/targets ({@link FirmwareTarget}: cortex_m, xtensa or
 * arc), the generated model, and for each kernel the Cortex-M variant where one exists and the target is Cortex-M
 * (firmware/kernels/cortex_m/op.c) or else the portable one.
 * Linked against the real board's flash and RAM sizes, so a model that does not fit fails here, by name. Two builds: for
 * the emulator's machine that stands in for the board ({@link #build}), and for a real Cortex-M board itself
 * ({@link #buildForDevice}).
 */
public final class FirmwareBuilder {

    public static final String COMPILER = "arm-none-eabi-gcc";
    public static final String INSTALL_HINT = "run bin/setup (apt-get install gcc-arm-none-eabi libnewlib-arm-none-eabi)";
    private static final Pattern UNDEFINED = Pattern.compile("undefined reference to `(\\w+)'");
    private static final Pattern OVERFLOW = Pattern.compile("region `(FLASH|RAM)' overflowed by (\\d+) bytes");
    private static final Pattern SIZE_LINE = Pattern.compile("^\\s*(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+\\d+\\s+\\p{XDigit}+\\s+\\S*firmware\\.elf",
            Pattern.MULTILINE);
    private static final int STACK_BYTES = 2048;
    /** The framed protocol's main loop, which every runtime hosts; other main loops are Cortex-M only. */
    private static final String FRAMED_MAIN = "targets/cortex_m/main.c";
    private static final long BUILD_TIMEOUT_SECONDS = 120;

    private final Path firmwareRoot;
    private final boolean cortexMKernels;
    private final Path mainSource;

    public FirmwareBuilder(Path firmwareRoot) {
        this(firmwareRoot, true, firmwareRoot.resolve(FRAMED_MAIN));
    }

    private FirmwareBuilder(Path firmwareRoot, boolean cortexMKernels, Path mainSource) {
        this.firmwareRoot = firmwareRoot;
        this.cortexMKernels = cortexMKernels;
        this.mainSource = mainSource;
    }

    /** A builder that links only the portable reference kernels: the baseline the Cortex-M kernels are measured against. */
    public FirmwareBuilder withPortableKernels() {
        return new FirmwareBuilder(firmwareRoot, false, mainSource);
    }

    /**
     * A builder whose firmware speaks another protocol than the framed one: {@code mainSource} replaces the runtime's
     * main.c (e.g. firmware/runner/runner.c, MLPerf Tiny's runner commands).
     */
    public FirmwareBuilder withMain(Path mainSource) {
        return new FirmwareBuilder(firmwareRoot, cortexMKernels, mainSource);
    }

    /** Firmware for the emulator machine that stands in for the board: its memory map, console UART and counter. */
    public Firmware build(FirmwareModel model, Board board, BuildProfile profile, Path directory) {
        return make(model, board, profile, List.of(), directory);
    }

    /**
     * Firmware for the real board ({@code family} and {@code device} in its descriptor): linked at the flash origin its
     * bootloader leaves, against the application's flash and RAM, with the family's console UART driver and the DWT
     * cycle counter; written as the image files the descriptor lists ({@code <board>.bin}, {@code .hex}, {@code .uf2}) in
     * {@code directory}. No emulator here runs it.
     *
     * @throws FirmwareBuildException when the board's descriptor has no family
     */
    public DeviceFirmware buildForDevice(FirmwareModel model, Board board, Path directory) {
        BuildProfile profile;
        try {
            profile = BuildProfile.forDevice(board);
        } catch (EmulatorException e) {
            throw new FirmwareBuildException(e.getMessage(), e);
        }
        Device device = board.device();
        Device.Console console = device.console();
        Firmware firmware = make(model, board, profile, List.of("FAMILY=" + board.family().yamlName(),
                "UART_TX_PIN=" + Device.Console.pinNumber(console.tx()), "UART_RX_PIN=" + Device.Console.pinNumber(console.rx()),
                "UART_PIN_FUNCTION=" + orZero(console.pinFunction()), "UART_RX_PAD=" + orZero(console.rxPad())), directory);
        return new DeviceFirmware(firmware, FlashImages.write(firmware, board, directory),
                device.flashCommand());
    }

    private Firmware make(FirmwareModel model, Board board, BuildProfile profile, List<String> platform, Path directory) {
        FirmwareTarget target = FirmwareTarget.of(board);
        if (target != FirmwareTarget.CORTEX_M && !mainSource.equals(firmwareRoot.resolve(FRAMED_MAIN))) {
            throw new FirmwareBuildException("the " + target.directory() + " runtime for " + board.id() + " hosts only the"
                    + " framed protocol (firmware/" + FRAMED_MAIN + "); " + mainSource.getFileName()
                    + " is built for Cortex-M boards only");
        }
        if (Executables.find(target.compiler()).isEmpty()) {
            throw new FirmwareBuildException(target.compiler() + " is not installed; " + target.installHint());
        }
        Path modelDir = model.writeTo(directory.resolve("model"));
        Path out = directory.resolve("build");
        List<String> command = new ArrayList<>(List.of("make", "--no-print-directory", "-C",
                firmwareRoot.resolve("targets").resolve(target.directory()).toString(),
                "MODEL_DIR=" + modelDir.toAbsolutePath(), "MAIN_SRC=" + mainSource.toAbsolutePath(), "OUT=" + out.toAbsolutePath(), "BOARD_ID=" + board.id(),
                "CPU=" + profile.cpu(), "FPU_FLAGS=" + profile.fpuFlags(),
                "FLASH_ORIGIN=" + hex(profile.flashOrigin()), "FLASH_LENGTH=" + profile.flashLength(),
                "RAM_ORIGIN=" + hex(profile.ramOrigin()), "RAM_LENGTH=" + profile.ramLength(),
                "STACK_BYTES=" + STACK_BYTES, "UART_BASE=" + hex(profile.uartBase()), "UART_RX_IRQ=" + profile.uartRxIrq(),
                "INSNS_PER_TICK=" + profile.insnsPerTick(), "INSNS_PER_TICK_DEN=" + profile.insnsPerTickDenominator(),
                "FRAMES_ORIGIN=" + hex(profile.frameBuffer().origin()), "FRAMES_LENGTH=" + profile.frameBuffer().bytes(),
                "EXTRA_INCLUDES=" + firmwareRoot.resolve("include").toAbsolutePath(),
                "EXTRA_SRCS=" + String.join(" ", kernelSources(target.cortexMKernels()))));
        command.addAll(platform);
        if (!model.cDefines().isEmpty()) {
            command.add(extraCflags(model));
        }
        String log = run(command, directory);
        Matcher overflow = OVERFLOW.matcher(log);
        if (overflow.find()) {
            String memory = overflow.group(1).equals("FLASH") ? "flash" : "RAM";
            long limit = memory.equals("flash") ? profile.flashLength() : profile.ramLength();
            throw new FirmwareTooBigException(board.id(), memory, limit + Long.parseLong(overflow.group(2)), limit);
        }
        Matcher undefined = UNDEFINED.matcher(log);
        if (target != FirmwareTarget.CORTEX_M && undefined.find()) {
            // The Xtensa and ARC runtimes bring their own few libgcc helpers (ARC links no libc, libm or libgcc at all).
            throw new FirmwareBuildException("the " + target.directory() + " runtime for " + board.id() + " has no "
                    + undefined.group(1) + ", which this model's kernels call (it lacks soft-float or math routines that"
                    + " float32 operators need; see firmware/targets/" + target.directory() + "/README.md)");
        }
        Path elf = out.resolve("firmware.elf");
        Matcher size = SIZE_LINE.matcher(log);
        if (!Files.isRegularFile(elf) || !size.find()) {
            throw new FirmwareBuildException("building firmware for " + board.id() + " failed:\n" + log.strip());
        }
        return new Firmware(elf, new ProgramSize(Long.parseLong(size.group(1)), Long.parseLong(size.group(2)),
                Long.parseLong(size.group(3))), profile.flashLength(), profile.ramLength());
    }

    /** The make variable every runtime's Makefile adds to all its C compilations: the model's own definitions. */
    public static String extraCflags(FirmwareModel model) {
        return "EXTRA_CFLAGS=" + String.join(" ", model.cDefines().stream().map(d -> "-D" + d).toList());
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }

    /**
     * One source per operator: the Cortex-M variant where it exists (unless portable only, or the target is not
     * Cortex-M), else the portable reference.
     */
    private List<String> kernelSources(boolean targetHasCortexMKernels) {
        boolean cortexMKernels = this.cortexMKernels && targetHasCortexMKernels;
        Path reference = firmwareRoot.resolve("kernels/ref");
        Path optimized = firmwareRoot.resolve("kernels/cortex_m");
        try (Stream<Path> files = Files.list(reference)) {
            return files.filter(p -> p.toString().endsWith(".c")).sorted()
                    .map(p -> cortexMKernels && Files.isRegularFile(optimized.resolve(p.getFileName()))
                            ? optimized.resolve(p.getFileName()) : p)
                    .map(p -> p.toAbsolutePath().toString()).toList();
        } catch (IOException e) {
            throw new TinymlException("cannot list the kernels in " + reference + ": " + e.getMessage(), e);
        }
    }

    private static String run(List<String> command, Path directory) {
        try {
            Files.createDirectories(directory);
            Path log = directory.resolve("build.log");
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!process.waitFor(BUILD_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new FirmwareBuildException("the firmware build did not finish within " + BUILD_TIMEOUT_SECONDS + " s");
            }
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new FirmwareBuildException("cannot run make: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FirmwareBuildException("interrupted while building firmware", e);
        }
    }

    private static String hex(long value) {
        return String.format("0x%08X", value);
    }
}
