package io.tinymlaas.train;

import io.tinymlaas.core.Progress;
import io.tinymlaas.data.Split;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * Trains a ReLU MLP for regression with TensorFlow Java: mean squared error, Adam, shuffled mini-batches.
 * Initial weights come from a seeded Java generator and TensorFlow runs on one thread, so the same data and
 * config give the same network.
 */
public final class DenseTrainer {

    static {
        NativeCache.configure();
    }

    private DenseTrainer() {
    }

    public static TrainingResult train(Split train, Split validation, TrainingConfig config) {
        return train(train, validation, config, Progress.SILENT);
    }

    /** Like {@link #train(Split, Split, TrainingConfig)}, counting the epochs on {@code progress}. */
    public static TrainingResult train(Split train, Split validation, TrainingConfig config, Progress progress) {
        int inputs = train.inputs()[0].length;
        int outputs = train.targets()[0].length;
        Random random = new Random(config.seed());
        try (Graph graph = new Graph(); Session session = new Session(graph, TrainingTensors.singleThreaded())) {
            Ops tf = Ops.create(graph);
            Placeholder<TFloat32> x = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, inputs)));
            Placeholder<TFloat32> y = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, outputs)));

            List<Variable<TFloat32>> weights = new ArrayList<>();
            List<Variable<TFloat32>> biases = new ArrayList<>();
            Operand<TFloat32> activation = x;
            int width = inputs;
            int[] widths = append(config.hiddenUnits(), outputs);
            for (int layer = 0; layer < widths.length; layer++) {
                float[][] initialWeights = TrainingTensors.glorotUniform(width, widths[layer], random);
                float[] initialBias = layer == 0 ? hingesThroughSamples(initialWeights, train.inputs(), random)
                        : new float[widths[layer]];
                Variable<TFloat32> w = tf.variable(tf.constant(initialWeights));
                Variable<TFloat32> b = tf.variable(tf.constant(initialBias));
                weights.add(w);
                biases.add(b);
                activation = tf.math.add(tf.linalg.matMul(activation, w), b);
                if (layer < widths.length - 1) {
                    activation = tf.nn.relu(activation);
                }
                width = widths[layer];
            }
            Operand<TFloat32> loss = tf.math.mean(tf.math.squaredDifference(activation, y), tf.constant(new int[] {0, 1}));
            List<Op> phaseSteps = AdamSteps.build(graph, loss, config.phases());
            session.initialize();

            List<Double> lossPerEpoch = new ArrayList<>();
            int[] order = java.util.stream.IntStream.range(0, train.size()).toArray();
            try (Progress.Task epochs = progress.start(TrainingTensors.EPOCHS, config.epochs())) {
                for (int epoch = 1; epoch <= config.epochs(); epoch++) {
                    int phase = phaseOf(config, epoch);
                    Op minimize = phaseSteps.get(phase);
                    TrainingTensors.shuffle(order, random);
                    double sum = 0;
                    int batches = 0;
                    for (int start = 0; start < order.length; start += config.batchSize()) {
                        int end = Math.min(order.length, start + config.batchSize());
                        try (TFloat32 xs = TrainingTensors.batch(train.inputs(), order, start, end);
                             TFloat32 ys = TrainingTensors.batch(train.targets(), order, start, end);
                             Result result = session.runner().feed(x, xs).feed(y, ys).addTarget(minimize).fetch(loss).run()) {
                            sum += ((TFloat32) result.get(0)).getFloat();
                            batches++;
                        }
                    }
                    double epochLoss = sum / batches;
                    if (!Double.isFinite(epochLoss)) {
                        throw new TrainingDivergedException("training diverged: the loss became " + epochLoss + " in epoch " + epoch
                                + " (learning rate " + config.phases().get(phase).learningRate() + "); check the data for NaN or lower the learning rate");
                    }
                    lossPerEpoch.add(epochLoss);
                    epochs.step();
                }
            }

            double validationMse = evaluate(session, x, y, loss, validation);
            List<DenseLayer> layers = new ArrayList<>();
            for (int layer = 0; layer < widths.length; layer++) {
                layers.add(new DenseLayer(TrainingTensors.transpose(TrainingTensors.fetchMatrix(session, weights.get(layer))),
                        TrainingTensors.fetchVector(session, biases.get(layer)), layer < widths.length - 1));
            }
            return new TrainingResult(new DenseNetwork(layers), List.copyOf(lossPerEpoch), validationMse);
        }
    }

    private static int phaseOf(TrainingConfig config, int epoch) {
        int end = 0;
        for (int p = 0; p < config.phases().size(); p++) {
            end += config.phases().get(p).epochs();
            if (epoch <= end) {
                return p;
            }
        }
        throw new IllegalArgumentException("epoch " + epoch + " is past the schedule");
    }

    private static double evaluate(Session session, Placeholder<TFloat32> x, Placeholder<TFloat32> y,
                                   Operand<TFloat32> loss, Split split) {
        int[] all = java.util.stream.IntStream.range(0, split.size()).toArray();
        try (TFloat32 xs = TrainingTensors.batch(split.inputs(), all, 0, all.length);
             TFloat32 ys = TrainingTensors.batch(split.targets(), all, 0, all.length);
             Result result = session.runner().feed(x, xs).feed(y, ys).fetch(loss).run()) {
            return ((TFloat32) result.get(0)).getFloat();
        }
    }

    /**
     * First-layer biases that put each unit's ReLU hinge through a random training sample (b = -w·x), so the
     * hinges start spread over the data instead of all at the origin; small nets then fit far more reliably.
     */
    private static float[] hingesThroughSamples(float[][] weights, float[][] samples, Random random) {
        float[] bias = new float[weights[0].length];
        for (int unit = 0; unit < bias.length; unit++) {
            float[] sample = samples[random.nextInt(samples.length)];
            double dot = 0;
            for (int i = 0; i < sample.length; i++) {
                dot += weights[i][unit] * sample[i];
            }
            bias[unit] = (float) -dot;
        }
        return bias;
    }

    private static int[] append(int[] values, int last) {
        int[] result = java.util.Arrays.copyOf(values, values.length + 1);
        result[values.length] = last;
        return result;
    }
}
