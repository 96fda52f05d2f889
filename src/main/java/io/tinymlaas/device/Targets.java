package io.tinymlaas.device;

import io.tinymlaas.core.ProjectLayout;
import io.tinymlaas.device.board.BoardCatalog;
import io.tinymlaas.device.emulator.Emulator;
import io.tinymlaas.device.emulator.QemuEmulator;
import io.tinymlaas.device.emulator.QemuSimEmulator;
import io.tinymlaas.device.emulator.RenodeEmulator;
import io.tinymlaas.device.emulator.SimMachine;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/** Turns a target name ("x86" or a board id from boards/) into something that can run a compiled model. */
public final class Targets {

    public static final String X86 = "x86";

    private final ProjectLayout layout;
    private final BoardCatalog boards;
    private final List<Emulator> emulators;
    private final Function<Path, InferenceTarget> x86;
    private final Map<String, Target> resolved = new ConcurrentHashMap<>();

    public Targets(ProjectLayout layout) {
        this(layout, new BoardCatalog(layout.boards()),
                List.of(new RenodeEmulator(layout.root().resolve("renode"), System.getenv().getOrDefault("PATH", "")),
                        new QemuEmulator(), new QemuSimEmulator(SimMachine.XTENSA_LX106), new QemuSimEmulator(SimMachine.ARC_EM)));
    }

    public Targets(ProjectLayout layout, BoardCatalog boards, List<Emulator> emulatorsByPreference) {
        this(layout, boards, emulatorsByPreference, work -> new X86Container(layout.firmware(), work));
    }

    /** With {@code x86} making what runs on x86 for a work folder, e.g. a host build where Docker is not wanted. */
    public Targets(ProjectLayout layout, BoardCatalog boards, List<Emulator> emulatorsByPreference,
                   Function<Path, InferenceTarget> x86) {
        this.layout = layout;
        this.boards = boards;
        this.emulators = emulatorsByPreference;
        this.x86 = x86;
    }

    public BoardCatalog boards() {
        return boards;
    }

    /** The target with this id, looked up once per Targets; an id that is neither x86 nor a board in boards/ is refused. */
    public Target target(String id) {
        Target known = resolved.get(id);
        if (known == null) {
            known = id.equals(X86) ? Target.x86(layout.firmware(), x86) : Target.board(boards.byId(id), emulators, layout.firmware());
            resolved.put(id, known);
        }
        return known;
    }

    /** x86 and every board in boards/, runnable here or not: the CTO's whole matrix. */
    public List<String> all() {
        List<String> all = new ArrayList<>();
        all.add(X86);
        all.addAll(boards.ids());
        return all;
    }
}
