package io.tinymlaas.lifecycle;

import io.tinymlaas.compile.CompiledFile;
import io.tinymlaas.device.InferenceTarget;
import io.tinymlaas.device.TargetRun;
import io.tinymlaas.lifecycle.ModelInputs.FileInputs;
import io.tinymlaas.tflite.Tensor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Classifies a user's files: each file's inputs go through the reference interpreter and through the compiled model on a
 * target in one run, and each answer is given as class names with scores (the outputs dequantized) and the winner, the
 * reference's beside ours, with whether the output bytes are identical.
 */
public final class FileClassifier {

    /**
     * One input's answer: input {@code input} of the {@code inputsInFile} a file holds (a text file may hold several);
     * {@code winner} is null for a regression (no classes: the scores are the predicted values).
     */
    public record Verdict(Path file, int input, int inputsInFile, String conversion, float[] scores, String winner, float[] referenceScores,
                         String referenceWinner, boolean bitIdentical, byte[] output, Long instructions) {
    }

    /**
     * Every file's answer on one target, the class names in output order (empty for a regression) and where they come
     * from.
     */
    public record Classification(String model, Path modelFile, String modelSha256, String target, String ranOn,
                                 List<String> classes, String classSource, List<Verdict> verdicts) {

        public boolean bitIdentical() {
            return verdicts.stream().allMatch(Verdict::bitIdentical);
        }
    }

    private FileClassifier() {
    }

    /** {@code classes} empty means the model's outputs are values, not classes; fewer names than outputs are numbered. */
    public static Classification classify(CompiledFile model, List<String> classes, String classSource, List<FileInputs> files,
                                          InferenceTarget target, String targetId) {
        List<byte[]> inputs = files.stream().flatMap(f -> f.tensors().stream()).toList();
        List<byte[]> reference = NetworkTester.reference(model, inputs);
        TargetRun run = target.run(model.compiled(), inputs);
        List<Tensor> outputs = model.tflite().model().outputTensors();
        List<String> names = classNames(classes, outputs);
        List<Verdict> verdicts = new ArrayList<>();
        int at = 0;
        for (FileInputs file : files) {
            for (int i = 0; i < file.tensors().size(); i++, at++) {
                float[] ours = NetworkTester.values(run.outputs().get(at), outputs);
                float[] theirs = NetworkTester.values(reference.get(at), outputs);
                verdicts.add(new Verdict(file.file(), i, file.tensors().size(), file.conversion(), ours, winner(names, ours), theirs, winner(names, theirs),
                        Arrays.equals(run.outputs().get(at), reference.get(at)), run.outputs().get(at),
                        at < run.instructions().size() ? run.instructions().get(at) : null));
            }
        }
        return new Classification(model.name(), model.file(), model.sha256(), targetId, run.description(), names, classSource, verdicts);
    }

    private static List<String> classNames(List<String> classes, List<Tensor> outputs) {
        if (classes.isEmpty()) {
            return List.of();
        }
        int count = (int) outputs.stream().mapToLong(Tensor::elementCount).sum();
        return IntStream.range(0, count).mapToObj(i -> i < classes.size() ? classes.get(i) : "class " + i).toList();
    }

    private static String winner(List<String> names, float[] scores) {
        if (names.isEmpty()) {
            return null;
        }
        int best = 0;
        for (int i = 1; i < scores.length; i++) {
            best = scores[i] > scores[best] ? i : best;
        }
        return names.get(best);
    }
}
