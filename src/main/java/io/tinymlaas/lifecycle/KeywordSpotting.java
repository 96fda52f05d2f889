package io.tinymlaas.lifecycle;

import io.tinymlaas.compile.CompiledFile;
import io.tinymlaas.compile.CompiledModel;
import io.tinymlaas.core.TinymlException;
import io.tinymlaas.data.audio.FrontEnd;
import io.tinymlaas.data.audio.Keyword;
import io.tinymlaas.data.audio.SpeechCommands.Clip;
import io.tinymlaas.device.BoardKeywordSpotter;
import io.tinymlaas.device.Target;
import io.tinymlaas.device.TargetRun;
import io.tinymlaas.examples.MicroSpeech;
import io.tinymlaas.oracle.Comparison;
import io.tinymlaas.oracle.ReferenceInterpreter;
import io.tinymlaas.tflite.Tensor;
import io.tinymlaas.tflite.TensorType;
import io.tinymlaas.tflite.TfliteModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.LongSummaryStatistics;

/**
 * micro_speech as a user of keyword spotting sees it: one firmware on the board takes a clip of raw audio and answers
 * the keyword scores ({@link BoardKeywordSpotter}). The expected scores are the Java front end's features (the C front
 * end's bytes) run through the reference interpreter; the board's must be the same bytes.
 */
public final class KeywordSpotting {

    private final MicroSpeech example;

    public KeywordSpotting(MicroSpeech example) {
        this.example = example;
    }

    /** The board's scores for held-out clips against the reference's, and the keyword each side picks. */
    public record BoardKeywords(String board, List<Clip> clips, TargetRun run, List<byte[]> reference, Comparison comparison,
                                int arenaBytes) {

        public double instructionsPerClip() {
            return run.instructions().stream().mapToLong(Long::longValue).average().orElseThrow();
        }

        /** On how many clips the board's top keyword is the reference interpreter's. */
        public int samePredictions() {
            int same = 0;
            for (int i = 0; i < clips.size(); i++) {
                same += predicted(run.outputs().get(i)) == predicted(reference.get(i)) ? 1 : 0;
            }
            return same;
        }

        /** On how many clips the board's top keyword is the one spoken. */
        public int correctPredictions() {
            int correct = 0;
            for (int i = 0; i < clips.size(); i++) {
                correct += predicted(run.outputs().get(i)) == clips.get(i).label() ? 1 : 0;
            }
            return correct;
        }

        /** One line for people: the figures, their spread, the firmware's size, and the verdict. */
        public String summary() {
            LongSummaryStatistics instructions = run.instructions().stream().mapToLong(Long::longValue).summaryStatistics();
            return String.format("keyword spotting (front end + model) on %s: %,.0f instructions per clip (mean of %d clips, %,d to "
                    + "%,d); firmware flash %d B, RAM %d B (model arena %d B); scores bit-identical to the reference interpreter's "
                    + "on %d of %d clips, same keyword on %d, the spoken keyword on %d", board, instructionsPerClip(), clips.size(),
                    instructions.getMin(), instructions.getMax(), run.size().flashBytes(),
                    run.size().ramBytes(), arenaBytes, comparison.inputs() - comparison.mismatchedInputs(),
                    comparison.inputs(), samePredictions(), correctPredictions());
        }
    }

    /** The keyword with the highest int8 score; the first of equals, as an argmax over the scores in class order. */
    public static Keyword predicted(byte[] scores) {
        int best = 0;
        for (int c = 1; c < scores.length; c++) {
            best = scores[c] > scores[best] ? c : best;
        }
        return Keyword.values()[best];
    }

    /**
     * Compiles the keyword model {@code tflite} with the front end into one firmware for the board, sends it the first
     * {@code count} held-out test clips (the classes take turns, so any four hold every class), and compares the scores
     * with the reference interpreter's for the Java front end's features of the same clips.
     */
    public BoardKeywords onBoard(Target board, CompiledFile tflite, int count, Path workDirectory) {
        if (count < 1) {
            throw new TinymlException("keyword spotting needs at least one clip to run on " + board.id() + ", not " + count);
        }
        requireFrontEndInput(tflite.tflite().model(), tflite.file());
        CompiledModel network = tflite.compiled();
        List<Clip> test = example.speech().test();
        List<Clip> clips = test.subList(0, Math.min(count, test.size()));
        TargetRun run = new BoardKeywordSpotter(board.boardRunner(workDirectory), board.firmwareRoot(), network,
                tflite.file().toString()).scores(clips.stream().map(Clip::audio).toList());
        List<byte[]> reference = new ArrayList<>(clips.size());
        FrontEnd java = new FrontEnd();
        try (ReferenceInterpreter interpreter = ReferenceInterpreter.load(tflite.tflite().bytes(), tflite.file().toString())) {
            for (Clip clip : clips) {
                reference.add(interpreter.invoke(java.features(clip.audio())));
            }
        }
        return new BoardKeywords(board.id(), clips, run, reference, Comparison.of(run.outputs(), reference), network.plan().arenaBytes());
    }

    /** The board feeds the front end's bytes to the network as they are: only a model that reads them so can follow it. */
    private static void requireFrontEndInput(TfliteModel model, Path tflite) {
        Tensor input = model.input();
        Tensor output = model.output();
        if (input.type() != TensorType.INT8 || input.elementCount() != FrontEnd.FEATURES
                || input.quantization().scale() != FrontEnd.INPUT_SCALE || input.quantization().zeroPoint() != FrontEnd.INPUT_ZERO_POINT) {
            throw new TinymlException(tflite + ": the keyword model must take the front end's " + FrontEnd.FEATURES + " int8 features "
                    + "as they are (scale " + FrontEnd.INPUT_SCALE + ", zero point " + FrontEnd.INPUT_ZERO_POINT + "); its input is "
                    + input.type() + " with " + input.elementCount() + " values" + (input.quantization() == null ? " (not quantized)"
                    : " (scale " + input.quantization().scale() + ", zero point " + input.quantization().zeroPoint() + ")"));
        }
        if (output.type() != TensorType.INT8 || output.elementCount() != Keyword.values().length) {
            throw new TinymlException(tflite + ": the keyword model must answer " + Keyword.values().length + " int8 scores ("
                    + String.join(", ", Arrays.stream(Keyword.values()).map(Keyword::label).toList()) + "); its output is "
                    + output.type() + " with " + output.elementCount() + " values");
        }
    }
}
