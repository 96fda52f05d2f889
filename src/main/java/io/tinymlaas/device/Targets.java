package io.tinymlaas.device;

import io.tinymlaas.core.ProjectLayout;
import io.tinymlaas.core.TinymlException;
import io.tinymlaas.device.board.Board;
import io.tinymlaas.device.board.BoardCatalog;
import io.tinymlaas.device.emulator.Availability;
import io.tinymlaas.device.emulator.Emulator;
import io.tinymlaas.device.emulator.QemuEmulator;
import io.tinymlaas.device.emulator.RenodeEmulator;
import io.tinymlaas.device.firmware.FirmwareBuilder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Turns a target name ("x86" or a board id from boards/) into something that can run a compiled model. */
public final class Targets {

    public static final String X86 = "x86";

    private final ProjectLayout layout;
    private final BoardCatalog boards;
    private final List<Emulator> emulators;

    public Targets(ProjectLayout layout) {
        this(layout, new BoardCatalog(layout.boards()),
                List.of(new RenodeEmulator(layout.root().resolve("renode"), System.getenv().getOrDefault("PATH", "")),
                        new QemuEmulator()));
    }

    public Targets(ProjectLayout layout, BoardCatalog boards, List<Emulator> emulatorsByPreference) {
        this.layout = layout;
        this.boards = boards;
        this.emulators = emulatorsByPreference;
    }

    public BoardCatalog boards() {
        return boards;
    }

    /** Refuses unknown targets and boards that cannot run here, before any work starts. */
    public void check(String target) {
        if (!target.equals(X86)) {
            emulatorFor(boards.byId(target));
        }
    }

    /** Refuses a target that is neither x86 nor a board in boards/ (whether it can run here is checked later). */
    public void knows(String target) {
        if (!target.equals(X86)) {
            boards.byId(target);
        }
    }

    /** Why no emulator here can run the target, or empty when one can. */
    public Optional<String> whyNotRunnable(String target) {
        try {
            check(target);
            return Optional.empty();
        } catch (TinymlException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** x86 and every board in boards/, runnable here or not: the CTO's whole matrix. */
    public List<String> all() {
        List<String> all = new ArrayList<>();
        all.add(X86);
        all.addAll(boards.ids());
        return all;
    }

    public InferenceTarget resolve(String target, Path workDirectory) {
        if (target.equals(X86)) {
            return new X86Container(layout.firmware(), workDirectory.resolve(X86));
        }
        return board(target, workDirectory);
    }

    /** An emulated board by id, for work that is not a compiled model (e.g. the audio front end). */
    public BoardTarget board(String boardId, Path workDirectory) {
        Board board = boards.byId(boardId);
        return new BoardTarget(board, emulatorFor(board), new FirmwareBuilder(layout.firmware()), workDirectory.resolve(board.id()));
    }

    /** The first emulator, in order of preference, that can run the board; otherwise every reason why not. */
    public Emulator emulatorFor(Board board) {
        List<String> reasons = new ArrayList<>();
        for (Emulator emulator : emulators) {
            Availability availability = emulator.availability(board);
            if (availability.available()) {
                return emulator;
            }
            reasons.add(emulator.name() + ": " + availability.reason());
        }
        throw new TinymlException(board.id() + " cannot be emulated here: " + String.join("; ", reasons));
    }

    /** Each emulator's availability for the board, for listings and reports. */
    public List<String> availability(Board board) {
        return emulators.stream().map(e -> e.name() + ": " + e.availability(board).reason()).toList();
    }

    /** For a board target, what each emulator said about it; empty for x86. */
    public List<String> availability(String target) {
        return target.equals(X86) ? List.of() : availability(boards.byId(target));
    }
}
