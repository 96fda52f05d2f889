package io.tinymlaas.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.framework.optimizers.Adam;
import org.tensorflow.framework.optimizers.Optimizer;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Op;
import org.tensorflow.op.core.Variable;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.types.TFloat32;

/** What every TensorFlow trainer here needs: sessions, mini-batches, seeded initial weights, trained values back. */
final class TrainingTensors {

    private TrainingTensors() {
    }

    /** One thread each for intra- and inter-op work, so training does not depend on scheduling more than it must. */
    static ConfigProto singleThreaded() {
        return ConfigProto.newBuilder().setIntraOpParallelismThreads(1).setInterOpParallelismThreads(1).build();
    }

    /**
     * One Adam training step per learning-rate phase. All gradients are taken before any optimizer adds its
     * slot variables, which have no gradient and would otherwise break the next optimizer's.
     */
    static List<Op> adamPhases(Graph graph, Operand<TFloat32> loss, List<TrainingConfig.Phase> phases) {
        List<Adam> optimizers = new ArrayList<>();
        List<List<Optimizer.GradAndVar<?>>> gradients = new ArrayList<>();
        for (int p = 0; p < phases.size(); p++) {
            Adam adam = new Adam(graph, "Adam_phase" + p, phases.get(p).learningRate());
            optimizers.add(adam);
            gradients.add(adam.computeGradients(loss));
        }
        List<Op> steps = new ArrayList<>();
        for (int p = 0; p < optimizers.size(); p++) {
            steps.add(optimizers.get(p).applyGradients(List.copyOf(gradients.get(p)), "train_phase" + p));
        }
        return steps;
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
