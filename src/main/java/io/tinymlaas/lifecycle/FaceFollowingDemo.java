package io.tinymlaas.lifecycle;

import io.tinymlaas.compile.CompiledModel;
import io.tinymlaas.convert.ConvertedModel;
import io.tinymlaas.data.CellGrid;
import io.tinymlaas.data.FaceFrames;
import io.tinymlaas.device.BoardFaceFollower;
import io.tinymlaas.device.BoardTarget;
import io.tinymlaas.device.Target;
import io.tinymlaas.device.TargetRun;
import io.tinymlaas.device.firmware.PanTilt;
import io.tinymlaas.device.firmware.ServoCommand;
import io.tinymlaas.examples.FaceFollowing;
import io.tinymlaas.oracle.Comparison;
import io.tinymlaas.oracle.ReferenceInterpreter;
import io.tinymlaas.report.Quality;
import io.tinymlaas.report.StageResult;
import io.tinymlaas.tflite.Quantization;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The face-following pan/tilt demo: the face-position model ({@link FaceFollowing}) is made by the lifecycle's own
 * stages (collect, train, convert, check with the reference interpreter, compile), then one firmware on the board
 * ({@link BoardFaceFollower}) is sent the scripted frames of a face moving across the scene, one by one, and answers
 * after each its cell scores and the servo command. The board must agree with the host three ways: its scores are
 * the reference interpreter's, bit for bit; its commands are what {@link PanTilt} makes of those scores, to the unit;
 * and its angles follow a stand that knew the face's true position (through the same rate limit) within
 * {@value #TOLERANCE_DEGREES}°.
 */
public final class FaceFollowingDemo {

    /** Frames per leg of the scripted path: 10 along the top, 10 down the right, 10 back along the bottom, 3 at the end. */
    public static final int FRAMES_PER_LEG = 10;
    /**
     * The most either angle may be off the ideal stand's, on every frame from the first: the ideal stand starts straight
     * ahead and is rate-limited as the board is, so no frame is spared for the servos to swing round.
     */
    public static final double TOLERANCE_DEGREES = 10;

    private final FaceFollowing example;

    public FaceFollowingDemo(FaceFollowing example) {
        this.example = example;
    }

    /** The scripted frames, the board's answers to them, and what the host expected. */
    public record Followed(String board, List<FaceFrames.Frame> frames, List<double[]> found, List<ServoCommand> commands,
                           List<ServoCommand> predicted, List<ServoCommand> ideal, Comparison scores, TargetRun run,
                           List<Quality> modelQuality, int arenaBytes, List<StageResult> stages) {

        /** Per frame, how far the board's pan or tilt (the larger) is from the ideal stand's, in degrees. */
        public List<Double> errorsDegrees() {
            List<Double> errors = new ArrayList<>(commands.size());
            for (int i = 0; i < commands.size(); i++) {
                errors.add(Math.max(Math.abs(commands.get(i).panCdeg() - ideal.get(i).panCdeg()),
                        Math.abs(commands.get(i).tiltCdeg() - ideal.get(i).tiltCdeg())) / 100.0);
            }
            return errors;
        }

        public double maxErrorDegrees() {
            return errorsDegrees().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        }

        public double meanErrorDegrees() {
            return errorsDegrees().stream().mapToDouble(Double::doubleValue).average().orElse(0);
        }

        /** Whether every frame's angles are within the tolerance of the ideal stand's. */
        public boolean followsTheFace() {
            return maxErrorDegrees() <= TOLERANCE_DEGREES;
        }

        /** Whether every command the board sent is what the host's servo arithmetic makes of the board's own scores. */
        public boolean commandsAsPredicted() {
            return commands.equals(predicted);
        }

        public boolean passed() {
            return followsTheFace() && commandsAsPredicted() && scores.bitIdentical() && modelQuality.stream().allMatch(Quality::passed);
        }

        public double instructionsPerFrame() {
            return run.instructions().stream().mapToLong(Long::longValue).average().orElse(0);
        }

        /** One paragraph for people: the figures and the verdict. */
        public String summary() {
            return String.format(Locale.ROOT, "face following on %s: %d frames; pan/tilt within %.2f° of a stand that knew the face's "
                    + "true position (mean %.2f°, tolerance %.0f° on every frame); servo commands as the host's arithmetic predicts on "
                    + "%d of %d frames; cell scores bit-identical to the reference interpreter's on %d of %d; %,.0f instructions per "
                    + "frame, firmware flash %d B, RAM %d B (model arena %d B); model: %s; %s", board, frames.size(),
                    maxErrorDegrees(), meanErrorDegrees(), TOLERANCE_DEGREES, samePredicted(), commands.size(),
                    scores.inputs() - scores.mismatchedInputs(), scores.inputs(), instructionsPerFrame(), run.size().flashBytes(),
                    run.size().ramBytes(), arenaBytes, modelQuality, passed() ? "PASSED" : "FAILED");
        }

        private int samePredicted() {
            int same = 0;
            for (int i = 0; i < commands.size(); i++) {
                same += commands.get(i).equals(predicted.get(i)) ? 1 : 0;
            }
            return same;
        }
    }

    /**
     * Makes the model with the lifecycle in {@code workDirectory} (its data set stored under {@code datasetRoot}), then
     * runs the scripted frames on {@code board}; each stage is told to {@code progress} as it ends. A target that is no
     * board, or one no emulator here runs, is refused before anything is trained.
     */
    public Followed run(Target board, Path workDirectory, Path datasetRoot, Consumer<StageResult> progress) {
        BoardTarget runner = board.boardRunner(workDirectory);
        List<StageResult> stages = new ArrayList<>();
        Lifecycle lifecycle = new Lifecycle(example, workDirectory, datasetRoot);
        timed(stages, progress, "collect", lifecycle::collect, stored -> stored.dataset().recipe(), always -> true);
        timed(stages, progress, "train", lifecycle::train, trained -> trained.lossPerEpoch().size() + " epochs, final loss "
                + String.format(Locale.ROOT, "%.4f", trained.lossPerEpoch().get(trained.lossPerEpoch().size() - 1)), always -> true);
        ConvertedModel converted = timed(stages, progress, "convert", lifecycle::convert, c -> c.bytes().length + " B int8 .tflite",
                always -> true);
        List<Quality> quality = timed(stages, progress, "reference", lifecycle::checkWithReference,
                q -> "reference interpreter on the held-out test frames: " + q, q -> q.stream().allMatch(Quality::passed));
        CompiledModel compiled = timed(stages, progress, "compile", lifecycle::compile, c -> "C with a " + c.plan().arenaBytes()
                + " B activation arena", always -> true);

        List<FaceFrames.Frame> frames = example.path(FRAMES_PER_LEG);
        Quantization in = converted.model().input().quantization();
        Quantization out = converted.model().output().quantization();
        List<byte[]> inputs = frames.stream().map(f -> ModelInputs.quantize(f.pixels(), in)).toList();
        TargetRun run = timed(stages, progress, "follow", () -> new BoardFaceFollower(runner, board.firmwareRoot(), compiled,
                out.zeroPoint(), converted.file().toString()).follow(inputs),
                r -> r.outputs().size() + " frames on " + r.description(), always -> true);

        List<byte[]> reference = new ArrayList<>(inputs.size());
        try (ReferenceInterpreter interpreter = ReferenceInterpreter.load(converted.bytes(), converted.file().toString())) {
            inputs.forEach(input -> reference.add(interpreter.invoke(input)));
        }
        List<ServoCommand> commands = new ArrayList<>();
        List<ServoCommand> predicted = new ArrayList<>();
        List<ServoCommand> ideal = new ArrayList<>();
        List<double[]> found = new ArrayList<>();
        PanTilt fromScores = new PanTilt();
        PanTilt fromTruth = new PanTilt();
        for (int i = 0; i < frames.size(); i++) {
            byte[] answer = run.outputs().get(i);
            byte[] scores = Arrays.copyOf(answer, PanTilt.CELLS);
            commands.add(ServoCommand.decode(answer, PanTilt.CELLS));
            predicted.add(fromScores.follow(PanTilt.aim(scores, out.zeroPoint())));
            ideal.add(fromTruth.follow(PanTilt.aimAt(frames.get(i).x(), frames.get(i).y())));
            found.add(CellGrid.position(Lifecycle.dequantize(scores, out)));
        }
        return new Followed(board.id(), frames, found, commands, predicted, ideal, Comparison.of(run.outputs(), reference), run,
                quality, compiled.plan().arenaBytes(), stages);
    }

    private static <T> T timed(List<StageResult> stages, Consumer<StageResult> progress, String name, Supplier<T> stage,
                               Function<T, String> detail, Predicate<T> passed) {
        long start = System.nanoTime();
        T result = stage.get();
        StageResult done = new StageResult(name, passed.test(result) ? StageResult.Status.PASSED : StageResult.Status.FAILED,
                (System.nanoTime() - start) / 1e9, detail.apply(result));
        stages.add(done);
        progress.accept(done);
        return result;
    }
}
