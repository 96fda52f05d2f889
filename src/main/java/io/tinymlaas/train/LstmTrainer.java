package io.tinymlaas.train;

import io.tinymlaas.core.Progress;
import io.tinymlaas.data.Split;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Unstack;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * Trains an LSTM sequence classifier ({@link LstmNetwork}) with TensorFlow Java, which has no LSTM layer: the cell
 * is unrolled over the time steps with matmul, sigmoid and tanh, and trained end to end with softmax
 * cross-entropy and Adam over shuffled mini-batches. The four gates' weights live in one [in, 4·cells] matrix
 * per input (x and h), split in TF Lite's gate order input, forget, cell, output. Initial weights come from a
 * seeded Java generator (Glorot uniform; forget-gate bias 1, the usual start that lets the cell keep its state).
 */
public final class LstmTrainer {

    static {
        NativeCache.configure();
    }

    private LstmTrainer() {
    }

    public static LstmTrainingResult train(Split train, Split validation, LstmTrainingConfig config) {
        return train(train, validation, config, Progress.SILENT);
    }

    /** Like {@link #train(Split, Split, LstmTrainingConfig)}, counting the epochs on {@code progress}. */
    public static LstmTrainingResult train(Split train, Split validation, LstmTrainingConfig config, Progress progress) {
        int steps = config.timeSteps();
        int features = config.features();
        int cells = config.hiddenUnits();
        if (train.inputs()[0].length != steps * features) {
            throw new IllegalArgumentException("samples have " + train.inputs()[0].length + " values, the network takes "
                    + steps + " steps of " + features + " = " + steps * features);
        }
        int classes = train.targets()[0].length;
        Random random = new Random(config.seed());
        try (Graph graph = new Graph(); Session session = new Session(graph, TrainingTensors.singleThreaded())) {
            Ops tf = Ops.create(graph);
            Placeholder<TFloat32> x = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, steps * features)));
            Placeholder<TFloat32> y = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, classes)));

            Variable<TFloat32> inputWeights = tf.variable(tf.constant(TrainingTensors.glorotUniform(features, 4 * cells, random)));
            Variable<TFloat32> recurrentWeights = tf.variable(tf.constant(TrainingTensors.glorotUniform(cells, 4 * cells, random)));
            float[] initialBias = new float[4 * cells];
            java.util.Arrays.fill(initialBias, cells, 2 * cells, 1f);
            Variable<TFloat32> bias = tf.variable(tf.constant(initialBias));

            List<Output<TFloat32>> inputs = tf.unstack(tf.reshape(x, tf.constant(new int[] {-1, steps, features})), (long) steps,
                    Unstack.axis(1L)).output();
            Operand<TFloat32> h = null;
            Operand<TFloat32> c = null;
            List<Operand<TFloat32>> hidden = new ArrayList<>();
            for (int t = 0; t < steps; t++) {
                Operand<TFloat32> z = tf.math.add(tf.linalg.matMul(inputs.get(t), inputWeights), bias);
                if (h != null) {
                    z = tf.math.add(z, tf.linalg.matMul(h, recurrentWeights));
                }
                List<Output<TFloat32>> gates = tf.split(tf.constant(1), z, 4L).output();
                Operand<TFloat32> i = tf.math.sigmoid(gates.get(0));
                Operand<TFloat32> f = tf.math.sigmoid(gates.get(1));
                Operand<TFloat32> g = tf.math.tanh(gates.get(2));
                Operand<TFloat32> o = tf.math.sigmoid(gates.get(3));
                Operand<TFloat32> update = tf.math.mul(i, g);
                c = c == null ? update : tf.math.add(tf.math.mul(f, c), update);
                h = tf.math.mul(o, tf.math.tanh(c));
                hidden.add(h);
            }
            Operand<TFloat32> sequence = tf.concat(hidden, tf.constant(1));
            Variable<TFloat32> denseWeights = tf.variable(tf.constant(TrainingTensors.glorotUniform(steps * cells, classes, random)));
            Variable<TFloat32> denseBias = tf.variable(tf.constant(new float[classes]));
            Operand<TFloat32> logits = tf.math.add(tf.linalg.matMul(sequence, denseWeights), denseBias);
            Operand<TFloat32> loss = tf.math.mean(tf.nn.softmaxCrossEntropyWithLogits(logits, y).loss(), tf.constant(0));

            List<Op> phaseSteps = AdamSteps.build(graph, loss, config.phases());
            session.initialize();
            List<Double> lossPerEpoch = TrainingTensors.runEpochs(session, x, y, loss, phaseSteps, config.phases(), train,
                    config.batchSize(), random, progress);
            double[] validationFigures = TrainingTensors.classifierFigures(session, x, y, logits, loss, validation);

            float[][] wx = TrainingTensors.fetchMatrix(session, inputWeights);
            float[][] wh = TrainingTensors.fetchMatrix(session, recurrentWeights);
            float[] b = TrainingTensors.fetchVector(session, bias);
            LstmNetwork network = new LstmNetwork(steps, features, perGate(wx, cells), perGate(wh, cells), perGate(b, cells),
                    new DenseLayer(TrainingTensors.transpose(TrainingTensors.fetchMatrix(session, denseWeights)),
                            TrainingTensors.fetchVector(session, denseBias), false));
            return new LstmTrainingResult(network, List.copyOf(lossPerEpoch), validationFigures[0], validationFigures[1]);
        }
    }

    /** Columns [g·cells, (g+1)·cells) of a TensorFlow [in][4·cells] matrix as gate g's [cells][in] matrix. */
    private static float[][][] perGate(float[][] matrix, int cells) {
        float[][][] gates = new float[LstmNetwork.GATES][cells][matrix.length];
        for (int g = 0; g < LstmNetwork.GATES; g++) {
            for (int r = 0; r < cells; r++) {
                for (int k = 0; k < matrix.length; k++) {
                    gates[g][r][k] = matrix[k][g * cells + r];
                }
            }
        }
        return gates;
    }

    private static float[][] perGate(float[] vector, int cells) {
        float[][] gates = new float[LstmNetwork.GATES][cells];
        for (int g = 0; g < LstmNetwork.GATES; g++) {
            System.arraycopy(vector, g * cells, gates[g], 0, cells);
        }
        return gates;
    }
}
