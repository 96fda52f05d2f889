package io.tinymlaas.app;

import io.tinymlaas.benchmark.PublishedShape;
import io.tinymlaas.compile.AotCompiler;
import io.tinymlaas.compile.CompiledModel;
import io.tinymlaas.core.Hashes;
import io.tinymlaas.core.ProjectLayout;
import io.tinymlaas.device.TargetRun;
import io.tinymlaas.device.Targets;
import io.tinymlaas.device.cycles.CycleEstimate;
import io.tinymlaas.oracle.ReferenceInterpreter;
import io.tinymlaas.report.BenchRecord;
import io.tinymlaas.tflite.TfliteModel;
import io.tinymlaas.tflite.TfliteWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Benchmarks a published model's shape ({@link PublishedShape}) on boards: the model built from a seed, random inputs
 * from the same seed, every output compared with the reference interpreter's, and the figures written as a bench row
 * {@code <model id>-<board>.json}, which bench-table prints beside TFLM's figures for the published file.
 */
final class PublishedBench {

    private final ProjectLayout layout;
    private final Targets targets;

    PublishedBench(ProjectLayout layout, Targets targets) {
        this.layout = layout;
        this.targets = targets;
    }

    /** A shape made once for every board: its model, compiled, the seeded inputs and the reference interpreter's outputs. */
    record Prepared(PublishedShape shape, byte[] tflite, CompiledModel compiled, List<byte[]> inputs, List<byte[]> expected) {
    }

    static Prepared prepare(PublishedShape shape, int inputCount, long seed) {
        TfliteModel model = shape.build(seed);
        byte[] tflite = TfliteWriter.write(model);
        CompiledModel compiled = AotCompiler.compile(model, Hashes.sha256(tflite), shape.id() + ".tflite");
        Random random = new Random(seed);
        List<byte[]> inputs = new ArrayList<>();
        List<byte[]> expected = new ArrayList<>();
        try (ReferenceInterpreter interpreter = ReferenceInterpreter.load(tflite, shape.id() + ".tflite")) {
            for (int i = 0; i < inputCount; i++) {
                byte[] input = new byte[interpreter.inputBytes()];
                random.nextBytes(input);
                inputs.add(input);
                expected.add(interpreter.invoke(input));
            }
        }
        return new Prepared(shape, tflite, compiled, inputs, expected);
    }

    PublishedBenchRow run(Prepared prepared, String boardId) {
        PublishedShape shape = prepared.shape();
        CompiledModel compiled = prepared.compiled();
        List<byte[]> inputs = prepared.inputs();
        List<byte[]> expected = prepared.expected();
        byte[] tflite = prepared.tflite();
        long started = System.nanoTime();
        Instant startedAt = Instant.now();
        Path work = layout.output().resolve("bench-published").resolve(shape.id() + "-" + boardId);
        TargetRun run = targets.target(boardId).runner(work).run(compiled, inputs);
        double seconds = (System.nanoTime() - started) / 1e9;
        int maxDiff = 0;
        int mismatched = 0;
        for (int i = 0; i < inputs.size(); i++) {
            int diff = maxAbsDiff(expected.get(i), run.outputs().get(i));
            maxDiff = Math.max(maxDiff, diff);
            mismatched += diff > 0 ? 1 : 0;
        }
        long instructions = Math.round(run.instructions().stream().mapToLong(Long::longValue).average().orElse(0));
        Long cycles = run.estimates().isEmpty() ? null
                : Math.round(run.estimates().stream().mapToLong(CycleEstimate::cycles).average().orElse(0));
        Double milliseconds = run.estimates().isEmpty() ? null
                : run.estimates().stream().mapToDouble(CycleEstimate::milliseconds).average().orElse(0);
        BenchRecord record = new BenchRecord(shape.id(), boardId, mismatched == 0, startedAt.toString(), seconds, null,
                tflite.length, compiled.plan().arenaBytes(), compiled.constantBytes(), run.size().text(), run.size().data(),
                run.size().bss(), run.size().flashBytes(), run.size().ramBytes(), instructions, null, run.description(),
                inputs.size(), maxDiff, null, cycles, milliseconds, null);
        Path file = record.writeIfPassed(layout.bench());
        return new PublishedBenchRow(shape.id(), shape.description(), boardId, instructions, cycles, milliseconds,
                run.size().flashBytes(), run.size().ramBytes(), compiled.plan().arenaBytes(), inputs.size(), mismatched, maxDiff,
                file);
    }

    private static int maxAbsDiff(byte[] expected, byte[] actual) {
        if (actual == null || actual.length != expected.length) {
            return 256;
        }
        int max = 0;
        for (int i = 0; i < expected.length; i++) {
            max = Math.max(max, Math.abs(expected[i] - actual[i]));
        }
        return max;
    }
}
