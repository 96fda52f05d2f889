package io.tinymlaas.train;

import io.tinymlaas.core.Progress;
import io.tinymlaas.data.Split;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Op;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.types.TFloat32;

/** What every TensorFlow trainer here needs: sessions, mini-batches, seeded initial weights, trained values back. */
final class TrainingTensors {

    /** What a trainer's progress counts. */
    static final String EPOCHS = "epochs";

    private TrainingTensors() {
    }

    /** One thread each for intra- and inter-op work, so training does not depend on scheduling more than it must. */
    static ConfigProto singleThreaded() {
        return ConfigProto.newBuilder().setIntraOpParallelismThreads(1).setInterOpParallelismThreads(1).build();
    }

    /**
     * Every phase's epochs over mini-batches shuffled by {@code random}, each with the phase's training step; returns
     * the mean loss of each epoch, each counted on {@code progress}. A loss that stops being finite ends training with a
     * message.
     */
    static List<Double> runEpochs(Session session, Placeholder<TFloat32> x, Placeholder<TFloat32> y, Operand<TFloat32> loss,
                                  List<Op> phaseSteps, List<TrainingConfig.Phase> phases, Split train, int batchSize,
                                  Random random, Progress progress) {
        List<Double> lossPerEpoch = new ArrayList<>();
        try (Progress.Task epochs = progress.start(EPOCHS, phases.stream().mapToLong(TrainingConfig.Phase::epochs).sum())) {
            int[] order = java.util.stream.IntStream.range(0, train.size()).toArray();
            int epoch = 0;
            for (int p = 0; p < phases.size(); p++) {
                TrainingConfig.Phase phase = phases.get(p);
                for (int e = 0; e < phase.epochs(); e++) {
                    epoch++;
                    shuffle(order, random);
                    double sum = 0;
                    int seen = 0;
                    for (int start = 0; start < order.length; start += batchSize) {
                        int end = Math.min(order.length, start + batchSize);
                        try (TFloat32 xs = batch(train.inputs(), order, start, end);
                             TFloat32 ys = batch(train.targets(), order, start, end);
                             Result result = session.runner().feed(x, xs).feed(y, ys).addTarget(phaseSteps.get(p)).fetch(loss).run()) {
                            sum += ((TFloat32) result.get(0)).getFloat() * (end - start);
                            seen += end - start;
                        }
                    }
                    double epochLoss = sum / seen;
                    if (!Double.isFinite(epochLoss)) {
                        throw new TrainingDivergedException("training diverged: the loss became " + epochLoss + " in epoch " + epoch
                                + " (learning rate " + phase.learningRate() + "); check the data for NaN or lower the learning rate");
                    }
                    lossPerEpoch.add(epochLoss);
                    epochs.step();
                }
            }
        }
        return lossPerEpoch;
    }

    /** Mean cross-entropy and accuracy (argmax of logits against argmax of the one-hot target). */
    static double[] classifierFigures(Session session, Placeholder<TFloat32> x, Placeholder<TFloat32> y, Operand<TFloat32> logits,
                                     Operand<TFloat32> loss, Split split) {
        int[] all = java.util.stream.IntStream.range(0, split.size()).toArray();
        try (TFloat32 xs = TrainingTensors.batch(split.inputs(), all, 0, all.length);
             TFloat32 ys = TrainingTensors.batch(split.targets(), all, 0, all.length);
             Result result = session.runner().feed(x, xs).feed(y, ys).fetch(loss).fetch(logits).run()) {
            double meanLoss = ((TFloat32) result.get(0)).getFloat();
            TFloat32 scores = (TFloat32) result.get(1);
            int classes = split.targets()[0].length;
            int correct = 0;
            for (int i = 0; i < split.size(); i++) {
                int best = 0;
                for (int c = 1; c < classes; c++) {
                    if (scores.getFloat(i, c) > scores.getFloat(i, best)) {
                        best = c;
                    }
                }
                correct += split.targets()[i][best] == 1f ? 1 : 0;
            }
            if (!Double.isFinite(meanLoss)) {
                throw new TrainingDivergedException("the validation loss is " + meanLoss + "; check the validation data for NaN");
            }
            return new double[] {meanLoss, correct / (double) split.size()};
        }
    }

    /** Rows {@code order[start..end)} of {@code rows} as one [end - start, width] tensor. */
    static TFloat32 batch(float[][] rows, int[] order, int start, int end) {
        int width = rows[0].length;
        float[] flat = new float[(end - start) * width];
        for (int i = start; i < end; i++) {
            System.arraycopy(rows[order[i]], 0, flat, (i - start) * width, width);
        }
        return TFloat32.tensorOf(Shape.of(end - start, width), DataBuffers.of(flat, true, false));
    }

    /** Glorot (Xavier) uniform initial weights [fanIn][fanOut] from a seeded generator. */
    static float[][] glorotUniform(int fanIn, int fanOut, Random random) {
        double limit = Math.sqrt(6.0 / (fanIn + fanOut));
        float[][] w = new float[fanIn][fanOut];
        for (float[] row : w) {
            for (int j = 0; j < row.length; j++) {
                row[j] = (float) ((random.nextDouble() * 2 - 1) * limit);
            }
        }
        return w;
    }

    static float[][] fetchMatrix(Session session, Variable<TFloat32> variable) {
        try (Result result = session.runner().fetch(variable).run()) {
            TFloat32 tensor = (TFloat32) result.get(0);
            int rows = (int) tensor.shape().get(0);
            int cols = (int) tensor.shape().get(1);
            float[][] matrix = new float[rows][cols];
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    matrix[r][c] = tensor.getFloat(r, c);
                }
            }
            return matrix;
        }
    }

    static float[] fetchVector(Session session, Variable<TFloat32> variable) {
        try (Result result = session.runner().fetch(variable).run()) {
            TFloat32 tensor = (TFloat32) result.get(0);
            float[] vector = new float[(int) tensor.shape().get(0)];
            for (int i = 0; i < vector.length; i++) {
                vector[i] = tensor.getFloat(i);
            }
            return vector;
        }
    }

    static float[][] transpose(float[][] m) {
        float[][] t = new float[m[0].length][m.length];
        for (int r = 0; r < m.length; r++) {
            for (int c = 0; c < m[0].length; c++) {
                t[c][r] = m[r][c];
            }
        }
        return t;
    }

    /** Fisher–Yates shuffle driven by the trainer's seeded generator. */
    static void shuffle(int[] order, Random random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
    }
}
