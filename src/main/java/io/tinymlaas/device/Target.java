package io.tinymlaas.device;

import io.tinymlaas.core.Progress;
import io.tinymlaas.core.TinymlException;
import io.tinymlaas.device.board.Board;
import io.tinymlaas.device.emulator.Availability;
import io.tinymlaas.device.emulator.BuildProfile;
import io.tinymlaas.device.emulator.Emulator;
import io.tinymlaas.device.firmware.FirmwareBuilder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * One target id looked up once: x86 or a board from boards/, whether an emulator here can run it (and if not, every
 * reason why), what each emulator said, and how to run on it.
 */
public final class Target {

    private final String id;
    private final Board board;
    private final Emulator emulator;
    private final Emulator builder;
    private final String whyNotRunnable;
    private final List<String> availability;
    private final Path firmwareRoot;
    private final Function<Path, InferenceTarget> x86;

    private Target(String id, Board board, Emulator emulator, Emulator builder, String whyNotRunnable,
                   List<String> availability, Path firmwareRoot, Function<Path, InferenceTarget> x86) {
        this.id = id;
        this.board = board;
        this.emulator = emulator;
        this.builder = builder;
        this.whyNotRunnable = whyNotRunnable;
        this.availability = List.copyOf(availability);
        this.firmwareRoot = firmwareRoot;
        this.x86 = x86;
    }

    /** x86: {@code runner} makes what runs there for a work folder (the container, or in tests a host build). */
    static Target x86(Path firmwareRoot, Function<Path, InferenceTarget> runner) {
        return new Target(Targets.X86, null, null, null, null, List.of(), firmwareRoot, runner);
    }

    /**
     * A board and the first emulator, in order of preference, that runs it here; with none, the reasons of each, and the
     * first emulator that can still build its firmware (for its footprint), if any.
     */
    static Target board(Board board, List<Emulator> emulatorsByPreference, Path firmwareRoot) {
        List<String> reasons = new ArrayList<>();
        Emulator chosen = null;
        for (Emulator emulator : emulatorsByPreference) {
            Availability availability = emulator.availability(board);
            reasons.add(emulator.name() + ": " + availability.reason());
            chosen = chosen == null && availability.available() ? emulator : chosen;
        }
        Emulator builder = chosen != null ? chosen
                : emulatorsByPreference.stream().filter(e -> e.builds(board)).findFirst().orElse(null);
        String whyNot = chosen != null ? null : board.id() + " cannot be emulated here: " + String.join("; ", reasons);
        return new Target(board.id(), board, chosen, builder, whyNot, reasons, firmwareRoot, null);
    }

    public String id() {
        return id;
    }

    /** The board behind the id; empty for x86. */
    public Optional<Board> board() {
        return Optional.ofNullable(board);
    }

    /** Why no emulator here can run the target, or empty when one can (x86 always can). */
    public Optional<String> whyNotRunnable() {
        return Optional.ofNullable(whyNotRunnable);
    }

    /** Refuses a target that cannot run here, naming every emulator's reason. */
    public Target requireRunnable() {
        if (whyNotRunnable != null) {
            throw new TinymlException(whyNotRunnable);
        }
        return this;
    }

    /** The C runtime and kernels firmware for this target is built from. */
    public Path firmwareRoot() {
        return firmwareRoot;
    }

    /** What each emulator said about the board, for listings and reports; empty for x86. */
    public List<String> availability() {
        return availability;
    }

    /** Where a compiled model runs: the x86 container, or the board's firmware under its emulator. */
    public InferenceTarget runner(Path workDirectory) {
        return runner(workDirectory, Progress.SILENT);
    }

    /**
     * Like {@link #runner(Path)}, a board counting its inferences on {@code progress} (the x86 container runs them all
     * in one go, in seconds).
     */
    public InferenceTarget runner(Path workDirectory, Progress progress) {
        return board == null ? x86.apply(workDirectory.resolve(Targets.X86)) : boardRunner(workDirectory, progress);
    }

    /** The emulated board, for firmware that is not a compiled model alone (the audio front end, keyword spotting). */
    public BoardTarget boardRunner(Path workDirectory) {
        return boardRunner(workDirectory, Progress.SILENT);
    }

    private BoardTarget boardRunner(Path workDirectory, Progress progress) {
        requireBoard();
        requireRunnable();
        return new BoardTarget(board, emulator, new FirmwareBuilder(firmwareRoot), workDirectory.resolve(board.id()), progress)
                .withCycleEstimates(firmwareRoot);
    }

    /** Refuses a target whose firmware cannot even be built here (x86, or a board no emulator builds for). */
    public Target requireBuildable() {
        requireBoard();
        if (builder == null) {
            requireRunnable();
        }
        return this;
    }

    /**
     * How firmware for the board is linked: the emulated machine's memory map with the real board's sizes; for a board
     * that cannot run here, that of an emulator that would run it, where one builds for it.
     */
    public BuildProfile buildProfile() {
        requireBuildable();
        return builder.buildProfile(board);
    }

    private void requireBoard() {
        if (board == null) {
            throw new TinymlException("x86 is not a board; give a board id from `tinyml boards`");
        }
    }
}
