package io.tinymlaas.cli;

import io.tinymlaas.app.Tinyml;
import io.tinymlaas.compile.CompiledModel;
import io.tinymlaas.core.HostProcess;
import io.tinymlaas.core.ProjectLayout;
import io.tinymlaas.core.TinymlException;
import io.tinymlaas.device.InferenceTarget;
import io.tinymlaas.device.TargetRun;
import io.tinymlaas.device.Targets;
import io.tinymlaas.device.board.BoardCatalog;
import io.tinymlaas.device.emulator.QemuEmulator;
import io.tinymlaas.device.firmware.ProgramSize;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * A target for tests that must not need Docker: the generated C and the reference kernels built with the host's
 * gcc (sanitizers on) and the x86 runner, run on the host. {@code corrupt} flips one output bit, to test mismatches.
 */
final class HostGccTarget implements InferenceTarget {

    private static final Path FIRMWARE = Path.of("firmware").toAbsolutePath();

    private final Path work;
    private final boolean corrupt;

    /** The project's facade with x86 made by {@code x86} (e.g. this host build) instead of the container. */
    static Tinyml onX86(Function<Path, InferenceTarget> x86) {
        ProjectLayout layout = ProjectLayout.find();
        return new Tinyml(layout, new Targets(layout, new BoardCatalog(layout.boards()), List.of(new QemuEmulator()), x86));
    }

    HostGccTarget(Path work, boolean corrupt) {
        this.work = work;
        this.corrupt = corrupt;
    }

    @Override
    public String id() {
        return "host-gcc";
    }

    @Override
    public TargetRun run(CompiledModel model, List<byte[]> inputs) {
        try {
            Path dir = model.writeTo(work.resolve("model"));
            List<String> gcc = new ArrayList<>(List.of("gcc", "-std=c99", "-O1", "-fsanitize=address,undefined",
                    "-fno-sanitize-recover=all", "-I" + FIRMWARE.resolve("include"), "-I" + dir));
            try (Stream<Path> kernels = Files.list(FIRMWARE.resolve("kernels/ref"))) {
                kernels.filter(p -> p.toString().endsWith(".c")).sorted().forEach(p -> gcc.add(p.toString()));
            }
            Path runner = work.resolve("runner");
            gcc.addAll(List.of(dir.resolve(CompiledModel.SOURCE).toString(), FIRMWARE.resolve("targets/x86/main.c").toString(),
                    "-o", runner.toString(), "-lm"));
            HostProcess.run(gcc, null, work);
            Path in = work.resolve("inputs.bin");
            try (var stream = Files.newOutputStream(in)) {
                for (byte[] input : inputs) {
                    stream.write(input);
                }
            }
            byte[] all = HostProcess.run(List.of(runner.toString()), in, work);
            List<byte[]> outputs = new ArrayList<>();
            for (int i = 0; i < inputs.size(); i++) {
                outputs.add(Arrays.copyOfRange(all, i * model.outputBytes(), (i + 1) * model.outputBytes()));
            }
            if (corrupt && !outputs.isEmpty()) {
                outputs.get(outputs.size() - 1)[0] ^= 1;
            }
            return new TargetRun(outputs, List.of(), new ProgramSize(0, 0, 0), "host gcc (test)");
        } catch (IOException e) {
            throw new TinymlException("host gcc target: " + e.getMessage(), e);
        }
    }
}
