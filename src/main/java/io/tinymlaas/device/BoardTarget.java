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
import io.tinymlaas.device.emulator.BootExtras;
import io.tinymlaas.device.emulator.Emulator;
import io.tinymlaas.device.emulator.FrameBuffer;
import io.tinymlaas.device.emulator.RunningBoard;
import io.tinymlaas.device.firmware.Firmware;
import io.tinymlaas.device.firmware.FirmwareBuilder;
import io.tinymlaas.device.firmware.ProgramSize;
import io.tinymlaas.link.BoardErrorException;
import io.tinymlaas.link.BoardSession;
import io.tinymlaas.link.ErrorMessage;
import io.tinymlaas.link.HelloMessage;
import io.tinymlaas.link.InputBatch;
import io.tinymlaas.link.LinkTimeoutException;
import io.tinymlaas.link.ResultMessage;
import io.tinymlaas.link.SerialLink;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * An emulated board, driven the way a real one would be: build the firmware for the board, flash it into the
 * emulator, check the board's HELLO (board id, model hash), then one RESULT per input over UART: the inputs loaded
 * into the emulator's frame buffer and run by number where it has one, else one INFER per input over UART.
 */
public final class BoardTarget implements InferenceTarget {

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

    /** Firmware for the emulator: the real board's where it models the board (Renode), else the proxy's (QEMU). */
    public Firmware build(FirmwareModel model) {
        return build(builder, model);
    }

    /** Builds firmware whose main loop is {@code mainSource} instead of the framed protocol's (see {@link FirmwareBuilder#withMain}). */
    public Firmware build(FirmwareModel model, Path mainSource) {
        return build(builder.withMain(mainSource), model);
    }

    private Firmware build(FirmwareBuilder using, FirmwareModel model) {
        return emulator.runsDeviceFirmware() ? using.buildForDevice(model, board, workDirectory).firmware()
                : using.build(model, board, emulator.buildProfile(board), workDirectory);
    }

    /**
     * Boots a firmware image and hands over its console UART as it is, for firmware that speaks another protocol (no
     * HELLO is awaited). The caller closes the board.
     */
    public RunningBoard start(Path elf) {
        return emulator.boot(board, elf, emulator.bootTimeout());
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
     * board and {@code modelHash}, and runs the inputs on it. Where the emulator has a frame buffer that holds them, the
     * inputs are loaded there before boot and run by number (INFER_LOADED), so only commands and results cross the
     * emulated UART, which QEMU feeds one byte per main-loop turn; otherwise, and for an image that cannot run loaded
     * inputs (built before INFER_LOADED or without a frame buffer), each input goes over the UART.
     */
    public TargetRun runImage(Path elf, String modelHash, ProgramSize size, List<byte[]> inputs) {
        Optional<Path> loaded = load(inputs);
        Path profile = profileFile();
        BootExtras extras = new BootExtras(loaded.orElse(null),
                profiler.map(plugin -> plugin.qemuArgument(elf, profile)).orElse(null));
        try (RunningBoard running = emulator.boot(board, elf, extras, emulator.bootTimeout());
             SerialLink link = SerialLink.open(running.serialDevice());
             Progress.Task inferred = progress.start("inferences on " + board.id(), inputs.size())) {
            BoardSession session = new BoardSession(link, emulator.answerTimeout());
            HelloMessage hello = awaitBoot(session, running);
            if (!hello.boardId().equals(board.id()) || !hello.modelHash().equals(modelHash)) {
                throw new TargetException(board.id() + ": the board runs other firmware (HELLO says board "
                        + hello.boardId() + ", model " + hello.modelHash() + ")");
            }
            Results results = new Results(inferred);
            boolean fromFrameBuffer = loaded.isPresent() && inferLoaded(session, running, inputs, results);
            if (!fromFrameBuffer) {
                for (int i = 0; i < inputs.size(); i++) {
                    results.accept(inferOrExplain(session, running, inputs.get(i), i));
                }
            }
            return new TargetRun(results.outputs, results.instructions, size, emulator.describe(board) + " for " + board.id()
                    + (fromFrameBuffer ? ", inputs loaded in its frame buffer" : ""),
                    profiler.isPresent() ? estimates(profile, inputs.size()) : List.of());
        } finally {
            loaded.ifPresent(BoardTarget::deleteQuietly);
        }
    }

    /** The inputs as a batch file for the emulator's frame buffer, if it has one that holds them. */
    private Optional<Path> load(List<byte[]> inputs) {
        FrameBuffer frames = emulator.buildProfile(board).frameBuffer();
        return InputBatch.of(inputs).filter(frames::holds)
                .map(batch -> frames.write(batch, workDirectory.resolve("frame-buffer.bin")));
    }

    /**
     * Runs every loaded input with one INFER_LOADED. False, with nothing run, when the firmware cannot: it does not know
     * the command or has no frame buffer.
     */
    private boolean inferLoaded(BoardSession session, RunningBoard running, List<byte[]> inputs, Results results) {
        try {
            session.inferLoaded(0, inputs.size(), results);
            return true;
        } catch (BoardErrorException e) {
            int code = e.error().code();
            if (results.outputs.isEmpty() && (code == ErrorMessage.UNKNOWN_TYPE || code == ErrorMessage.NO_INPUTS_LOADED)) {
                return false;
            }
            int index = results.outputs.size();
            throw explained(e, inputs.get(index), index);
        } catch (LinkTimeoutException e) {
            throw notFinished(e, running, results.outputs.size());
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // the emulator has read it; a copy left in the work folder harms nothing
        }
    }

    /** The outputs and instruction counts of a run, in input order, each counted on the progress bar. */
    private static final class Results implements Consumer<ResultMessage> {
        private final List<byte[]> outputs = new ArrayList<>();
        private final List<Long> instructions = new ArrayList<>();
        private final Progress.Task inferred;

        Results(Progress.Task inferred) {
            this.inferred = inferred;
        }

        @Override
        public void accept(ResultMessage result) {
            outputs.add(result.output());
            instructions.add(result.instructions());
            inferred.step();
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
        RunningBoard running = emulator.boot(board, elf, emulator.bootTimeout());
        SerialLink link = null;
        try {
            link = SerialLink.open(running.serialDevice());
            BoardSession session = new BoardSession(link, emulator.answerTimeout());
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
            return session.hello(emulator.listenBeforeAsking());
        } catch (LinkTimeoutException e) {
            throw new TargetException(board.id() + ": the firmware did not answer HELLO after boot (hung or crashed "
                    + "before its main loop); " + e.getMessage() + "; emulator: " + tail(running.emulatorLog()), e);
        }
    }

    private ResultMessage inferOrExplain(BoardSession session, RunningBoard running, byte[] input, int index) {
        try {
            return session.infer(input);
        } catch (LinkTimeoutException e) {
            throw notFinished(e, running, index);
        } catch (BoardErrorException e) {
            throw explained(e, input, index);
        }
    }

    private TargetException notFinished(LinkTimeoutException e, RunningBoard running, int index) {
        return new TargetException(board.id() + ": inference " + index + " did not finish (the model hangs or the "
                + "board crashed" + (running.alive() ? "" : "; the emulator exited") + "); " + e.getMessage(), e);
    }

    /** Which board refused which input, and its size, so a wrong-sized input is found without reading the protocol. */
    private BoardErrorException explained(BoardErrorException e, byte[] input, int index) {
        return new BoardErrorException(board.id() + ": INFER of input " + index + " (" + input.length + " B)", e.error());
    }

    private static String tail(String log) {
        String stripped = log.strip();
        return stripped.isEmpty() ? "(no output)" : stripped.substring(Math.max(0, stripped.length() - 500));
    }
}
