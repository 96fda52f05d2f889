package io.tinymlaas.device;

import io.tinymlaas.compile.CompiledModel;
import io.tinymlaas.compile.FirmwareModel;
import io.tinymlaas.core.Progress;
import io.tinymlaas.device.board.Board;
import io.tinymlaas.device.cycles.BlockProfile;
import io.tinymlaas.device.cycles.CoreTiming;
import io.tinymlaas.device.cycles.CycleEstimate;
import io.tinymlaas.device.cycles.CycleEstimator;
import io.tinymlaas.device.cycles.FlashTiming;
import io.tinymlaas.device.cycles.ProfilerPlugin;
import io.tinymlaas.device.emulator.Emulator;
import io.tinymlaas.device.emulator.RunningBoard;
import io.tinymlaas.device.firmware.Firmware;
import io.tinymlaas.device.firmware.FirmwareBuilder;
import io.tinymlaas.device.firmware.ProgramSize;
import io.tinymlaas.link.BoardErrorException;
import io.tinymlaas.link.BoardSession;
import io.tinymlaas.link.HelloMessage;
import io.tinymlaas.link.LinkTimeoutException;
import io.tinymlaas.link.ResultMessage;
import io.tinymlaas.link.SerialLink;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An emulated board, driven the way a real one would be: build the firmware for the board, flash it into the
 * emulator, check the board's HELLO (board id, model hash), then one INFER/RESULT exchange per input over UART.
 */
public final class BoardTarget implements InferenceTarget {

    private static final Duration BOOT_TIMEOUT = Duration.ofSeconds(20);
    static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(10);

    private final Board board;
    private final Emulator emulator;
    private final FirmwareBuilder builder;
    private final Path workDirectory;
    private final Progress progress;
    private final Optional<ProfilerPlugin> profiler;

    public BoardTarget(Board board, Emulator emulator, FirmwareBuilder builder, Path workDirectory) {
        this(board, emulator, builder, workDirectory, Progress.SILENT);
    }

    /** {@code progress} counts the inferences of each run, which take minutes for a large model under an emulator. */
    public BoardTarget(Board board, Emulator emulator, FirmwareBuilder builder, Path workDirectory, Progress progress) {
        this(board, emulator, builder, workDirectory, progress, Optional.empty());
    }

    private BoardTarget(Board board, Emulator emulator, FirmwareBuilder builder, Path workDirectory, Progress progress,
                        Optional<ProfilerPlugin> profiler) {
        this.board = board;
        this.emulator = emulator;
        this.builder = builder;
        this.workDirectory = workDirectory;
        this.progress = progress;
        this.profiler = profiler;
    }

    /**
     * This board, estimating the cycles of every inference on the real board (see {@link CycleEstimator}) where the
     * emulator loads the profiling plugin, the core has a timing table and a host gcc builds the plugin; else as it is.
     */
    public BoardTarget withCycleEstimates(Path firmwareRoot) {
        if (!emulator.loadsPlugins() || CoreTiming.forCore(board.core()).isEmpty()) {
            return this;
        }
        return new BoardTarget(board, emulator, builder, workDirectory, progress,
                ProfilerPlugin.build(firmwareRoot, ProfilerPlugin.defaultCache()));
    }

    @Override
    public String id() {
        return board.id();
    }

    public Firmware build(FirmwareModel model) {
        return builder.build(model, board, emulator.buildProfile(board), workDirectory);
    }

    /** Builds firmware whose main loop is {@code mainSource} instead of the framed protocol's (see {@link FirmwareBuilder#withMain}). */
    public Firmware build(FirmwareModel model, Path mainSource) {
        return builder.withMain(mainSource).build(model, board, emulator.buildProfile(board), workDirectory);
    }

    /**
     * Boots a firmware image and hands over its console UART as it is, for firmware that speaks another protocol (no
     * HELLO is awaited). The caller closes the board.
     */
    public RunningBoard start(Path elf) {
        return emulator.boot(board, elf, BOOT_TIMEOUT);
    }

    /** Runs the model's firmware; the inputs and the outputs are kept in the work folder as an x86 run keeps them. */
    @Override
    public TargetRun run(CompiledModel model, List<byte[]> inputs) {
        TensorFiles.write(workDirectory, "inputs.bin", inputs, model.inputBytes());
        TargetRun run = runFirmware(model, inputs);
        TensorFiles.write(workDirectory, "outputs.bin", run.outputs(), model.outputBytes());
        return run;
    }

    /** Like {@link #run}, for whatever the firmware hosts in the model's place, e.g. the audio front end. */
    public TargetRun runFirmware(FirmwareModel model, List<byte[]> inputs) {
        Firmware firmware = build(model);
        return runImage(firmware.elf(), model.modelHash(), firmware.size(), inputs);
    }

    /**
     * Boots a firmware image already built (e.g. the one a device was flashed with), checks that its HELLO names this
     * board and {@code modelHash}, and runs the inputs on it.
     */
    public TargetRun runImage(Path elf, String modelHash, ProgramSize size, List<byte[]> inputs) {
        Path profile = profileFile();
        try (RunningBoard running = profiler.isPresent()
                ? emulator.bootWithPlugin(board, elf, BOOT_TIMEOUT, profiler.get().qemuArgument(elf, profile))
                : emulator.boot(board, elf, BOOT_TIMEOUT);
             SerialLink link = SerialLink.open(running.serialDevice())) {
            BoardSession session = new BoardSession(link, ANSWER_TIMEOUT);
            HelloMessage hello = awaitBoot(session, running);
            if (!hello.boardId().equals(board.id()) || !hello.modelHash().equals(modelHash)) {
                throw new TargetException(board.id() + ": the board runs other firmware (HELLO says board "
                        + hello.boardId() + ", model " + hello.modelHash() + ")");
            }
            List<byte[]> outputs = new ArrayList<>(inputs.size());
            List<Long> instructions = new ArrayList<>(inputs.size());
            try (Progress.Task inferred = progress.start("inferences on " + board.id(), inputs.size())) {
                for (int i = 0; i < inputs.size(); i++) {
                    ResultMessage result = inferOrExplain(session, running, inputs.get(i), i);
                    outputs.add(result.output());
                    instructions.add(result.instructions());
                    inferred.step();
                }
            }
            return new TargetRun(outputs, instructions, size, emulator.name() + " " + board.qemu().machine()
                    + " for " + board.id(), profiler.isPresent() ? estimates(profile, inputs.size()) : List.of());
        }
    }

    /** Where the plugin writes its profile: the work folder, which a run of an image built elsewhere may not have made yet. */
    private Path profileFile() {
        try {
            return Files.createDirectories(workDirectory).resolve("profile.txt");
        } catch (IOException e) {
            throw new TargetException(board.id() + ": cannot create the work folder " + workDirectory + ": " + e.getMessage(), e);
        }
    }

    /** One estimate per inference, from the profile the plugin wrote while the board answered them all. */
    private List<CycleEstimate> estimates(Path profile, int inferences) {
        List<List<BlockProfile>> windows = BlockProfile.read(profile);
        if (windows.size() != inferences) {
            throw new TargetException(board.id() + ": the instruction profile has " + windows.size() + " inference windows for "
                    + inferences + " inferences (" + profile + ")");
        }
        Board.FlashTiming flash = board.flashTiming();
        CycleEstimator estimator = new CycleEstimator(CoreTiming.forCore(board.core()).orElseThrow(),
                flash == null ? FlashTiming.ZERO_WAIT : new FlashTiming(flash.waitStates(), flash.cache()), board.clockMhz());
        return windows.stream().map(estimator::estimate).toList();
    }

    /** Boots a firmware image and keeps it running for inferences one after another, once its HELLO has been heard. */
    public LiveBoard boot(Path elf) {
        RunningBoard running = emulator.boot(board, elf, BOOT_TIMEOUT);
        SerialLink link = null;
        try {
            link = SerialLink.open(running.serialDevice());
            BoardSession session = new BoardSession(link, ANSWER_TIMEOUT);
            return new LiveBoard(Optional.of(running), link, session, awaitBoot(session, running), board.clockMhz());
        } catch (RuntimeException e) {
            if (link != null) {
                link.close();
            }
            running.close();
            throw e;
        }
    }

    private HelloMessage awaitBoot(BoardSession session, RunningBoard running) {
        try {
            return session.hello();
        } catch (LinkTimeoutException e) {
            throw new TargetException(board.id() + ": the firmware did not answer HELLO after boot (hung or crashed "
                    + "before its main loop); " + e.getMessage() + "; emulator: " + tail(running.emulatorLog()), e);
        }
    }

    private ResultMessage inferOrExplain(BoardSession session, RunningBoard running, byte[] input, int index) {
        try {
            return session.infer(input);
        } catch (LinkTimeoutException e) {
            throw new TargetException(board.id() + ": inference " + index + " did not finish (the model hangs or the "
                    + "board crashed" + (running.alive() ? "" : "; the emulator exited") + "); " + e.getMessage(), e);
        } catch (BoardErrorException e) {
            // which board refused which input, and its size, so a wrong-sized input is found without reading the protocol
            throw new BoardErrorException(board.id() + ": INFER of input " + index + " (" + input.length + " B)", e.error());
        }
    }

    private static String tail(String log) {
        String stripped = log.strip();
        return stripped.isEmpty() ? "(no output)" : stripped.substring(Math.max(0, stripped.length() - 500));
    }
}
