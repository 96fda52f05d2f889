package io.tinymlaas.train;

import io.tinymlaas.core.Progress;
import io.tinymlaas.data.Split;
import java.util.ArrayList;
import java.util.Arrays;
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
 * Trains a small CNN classifier with TensorFlow Java: conv (SAME, ReLU) + max-pool blocks, depthwise separable blocks
 * (depthwise then 1 × 1 conv, each SAME and ReLU), a flatten or a global average pool, dense layers,
 * softmax cross-entropy, Adam over shuffled mini-batches with a learning-rate schedule in phases. Inputs are the
 * flattened [height, width, channels] samples, targets one-hot. Initial weights come from a seeded Java generator
 * (Glorot uniform, He uniform in the depthwise-separable stack, zero biases) and TensorFlow runs on one thread.
 */
public final class ConvTrainer {

    static {
        NativeCache.configure();
    }

    private static final String SAME = "SAME";

    private ConvTrainer() {
    }

    public static ConvTrainingResult train(Split train, Split validation, ConvTrainingConfig config) {
        return train(train, validation, config, Progress.SILENT);
    }

    /** Like {@link #train(Split, Split, ConvTrainingConfig)}, counting the epochs on {@code progress}. */
    public static ConvTrainingResult train(Split train, Split validation, ConvTrainingConfig config, Progress progress) {
        int inputs = config.height() * config.width() * config.channels();
        if (train.inputs()[0].length != inputs) {
            throw new IllegalArgumentException("samples have " + train.inputs()[0].length + " values, the network takes "
                    + config.height() + "x" + config.width() + "x" + config.channels() + " = " + inputs);
        }
        int classes = train.targets()[0].length;
        Random random = new Random(config.seed());
        try (Graph graph = new Graph(); Session session = new Session(graph, TrainingTensors.singleThreaded())) {
            Ops tf = Ops.create(graph);
            Placeholder<TFloat32> x = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, inputs)));
            Placeholder<TFloat32> y = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, classes)));

            Operand<TFloat32> activation = tf.reshape(x, tf.constant(new int[] {-1, config.height(), config.width(), config.channels()}));
            int height = config.height();
            int width = config.width();
            int depth = config.channels();
            List<Variable<TFloat32>> filters = new ArrayList<>();
            List<Variable<TFloat32>> convBiases = new ArrayList<>();
            for (ConvTrainingConfig.Block block : config.blocks()) {
                Variable<TFloat32> w = tf.variable(tf.constant(glorotFilter(block.kernelH(), block.kernelW(), depth, block.filters(),
                        random)));
                Variable<TFloat32> b = tf.variable(tf.constant(new float[block.filters()]));
                filters.add(w);
                convBiases.add(b);
                activation = tf.nn.relu(tf.nn.biasAdd(tf.nn.conv2d(activation, w, strides(block.stride()), SAME), b));
                height = ConvLayer.sameSize(height, block.stride());
                width = ConvLayer.sameSize(width, block.stride());
                if (block.poolH() > 1 || block.poolW() > 1) {
                    activation = tf.nn.maxPool(activation, tf.constant(new int[] {1, block.poolH(), block.poolW(), 1}),
                            tf.constant(new int[] {1, block.poolH(), block.poolW(), 1}), SAME);
                    height = ConvLayer.sameSize(height, block.poolH());
                    width = ConvLayer.sameSize(width, block.poolW());
                }
                depth = block.filters();
            }
            List<Variable<TFloat32>> depthwiseFilters = new ArrayList<>();
            List<Variable<TFloat32>> depthwiseBiases = new ArrayList<>();
            List<Variable<TFloat32>> pointwiseFilters = new ArrayList<>();
            List<Variable<TFloat32>> pointwiseBiases = new ArrayList<>();
            for (ConvTrainingConfig.Separable block : config.separable()) {
                Variable<TFloat32> dw = tf.variable(tf.constant(depthwiseHe(block.kernel(), depth, random)));
                Variable<TFloat32> dwBias = tf.variable(tf.constant(new float[depth]));
                Variable<TFloat32> pw = tf.variable(tf.constant(pointwiseHe(depth, block.filters(), random)));
                Variable<TFloat32> pwBias = tf.variable(tf.constant(new float[block.filters()]));
                depthwiseFilters.add(dw);
                depthwiseBiases.add(dwBias);
                pointwiseFilters.add(pw);
                pointwiseBiases.add(pwBias);
                activation = tf.nn.relu(tf.nn.biasAdd(tf.nn.depthwiseConv2dNative(activation, dw, strides(block.stride()), SAME),
                        dwBias));
                activation = tf.nn.relu(tf.nn.biasAdd(tf.nn.conv2d(activation, pw, strides(1), SAME), pwBias));
                height = ConvLayer.sameSize(height, block.stride());
                width = ConvLayer.sameSize(width, block.stride());
                depth = block.filters();
            }
            int flat = config.globalAveragePool() ? depth : height * width * depth;
            activation = config.globalAveragePool() ? tf.math.mean(activation, tf.constant(new int[] {1, 2}))
                    : tf.reshape(activation, tf.constant(new int[] {-1, flat}));
            int[] widths = Arrays.copyOf(config.hiddenUnits(), config.hiddenUnits().length + 1);
            widths[widths.length - 1] = classes;
            List<Variable<TFloat32>> weights = new ArrayList<>();
            List<Variable<TFloat32>> biases = new ArrayList<>();
            int fanIn = flat;
            for (int layer = 0; layer < widths.length; layer++) {
                Variable<TFloat32> w = tf.variable(tf.constant(TrainingTensors.glorotUniform(fanIn, widths[layer], random)));
                Variable<TFloat32> b = tf.variable(tf.constant(new float[widths[layer]]));
                weights.add(w);
                biases.add(b);
                activation = tf.math.add(tf.linalg.matMul(activation, w), b);
                if (layer < widths.length - 1) {
                    activation = tf.nn.relu(activation);
                }
                fanIn = widths[layer];
            }
            Operand<TFloat32> logits = activation;
            Operand<TFloat32> loss = tf.math.mean(tf.nn.softmaxCrossEntropyWithLogits(logits, y).loss(), tf.constant(0));

            List<Op> phaseSteps = AdamSteps.build(graph, loss, config.phases());
            session.initialize();

            List<Double> lossPerEpoch = TrainingTensors.runEpochs(session, x, y, loss, phaseSteps, config.phases(), train,
                    config.batchSize(), random, progress);

            double[] validationFigures = TrainingTensors.classifierFigures(session, x, y, logits, loss, validation);
            List<ConvLayer> convs = new ArrayList<>();
            for (int i = 0; i < config.blocks().size(); i++) {
                ConvTrainingConfig.Block block = config.blocks().get(i);
                convs.add(new ConvLayer(fetchFilter(session, filters.get(i)), TrainingTensors.fetchVector(session, convBiases.get(i)),
                        block.stride(), block.poolH(), block.poolW()));
            }
            List<SeparableLayer> separable = new ArrayList<>();
            for (int i = 0; i < config.separable().size(); i++) {
                int stride = config.separable().get(i).stride();
                separable.add(new SeparableLayer(
                        new DepthwiseLayer(fetchDepthwise(session, depthwiseFilters.get(i)),
                                TrainingTensors.fetchVector(session, depthwiseBiases.get(i)), stride),
                        new ConvLayer(fetchFilter(session, pointwiseFilters.get(i)),
                                TrainingTensors.fetchVector(session, pointwiseBiases.get(i)), 1, 1)));
            }
            List<DenseLayer> dense = new ArrayList<>();
            for (int layer = 0; layer < widths.length; layer++) {
                dense.add(new DenseLayer(TrainingTensors.transpose(TrainingTensors.fetchMatrix(session, weights.get(layer))), TrainingTensors.fetchVector(session, biases.get(layer)),
                        layer < widths.length - 1));
            }
            ConvNetwork network = new ConvNetwork(config.height(), config.width(), config.channels(), List.copyOf(convs),
                    List.copyOf(separable), config.globalAveragePool(), List.copyOf(dense));
            return new ConvTrainingResult(network, List.copyOf(lossPerEpoch), validationFigures[0], validationFigures[1]);
        }
    }

    private static List<Long> strides(int stride) {
        return List.of(1L, (long) stride, (long) stride, 1L);
    }

    /** TensorFlow's filter layout [kernelH][kernelW][in][out]. */
    private static float[][][][] glorotFilter(int kernelH, int kernelW, int inChannels, int outChannels, Random random) {
        int receptive = kernelH * kernelW;
        return uniformFilter(kernelH, kernelW, inChannels, outChannels, Math.sqrt(6.0 / (receptive * inChannels + receptive * outChannels)),
                random);
    }

    /**
     * He uniform (limit sqrt(6 / fan-in)) for the depthwise-separable stack, in TensorFlow's depthwise layout
     * [kernel][kernel][channels][1]; each output sees one input channel. Glorot's limit assumes a linear layer and shrinks
     * the signal at each of the stack's eight ReLUs (there is no batch normalization): 2 of 20 person_detection seeds
     * started with every unit of the last block dead, and their loss never left ln 2.
     */
    private static float[][][][] depthwiseHe(int kernel, int channels, Random random) {
        return uniformFilter(kernel, kernel, channels, 1, Math.sqrt(6.0 / (kernel * kernel)), random);
    }

    /** He uniform for a separable block's 1 × 1 convolution, [1][1][in][out]. */
    private static float[][][][] pointwiseHe(int inChannels, int outChannels, Random random) {
        return uniformFilter(1, 1, inChannels, outChannels, Math.sqrt(6.0 / inChannels), random);
    }

    private static float[][][][] uniformFilter(int kernelH, int kernelW, int in, int out, double limit, Random random) {
        float[][][][] w = new float[kernelH][kernelW][in][out];
        for (float[][][] row : w) {
            for (float[][] column : row) {
                for (float[] input : column) {
                    for (int o = 0; o < input.length; o++) {
                        input[o] = (float) ((random.nextDouble() * 2 - 1) * limit);
                    }
                }
            }
        }
        return w;
    }

    /** From TensorFlow's depthwise [kh][kw][channels][1] to [kh][kw][channels]. */
    private static float[][][] fetchDepthwise(Session session, Variable<TFloat32> variable) {
        try (Result result = session.runner().fetch(variable).run()) {
            TFloat32 tensor = (TFloat32) result.get(0);
            float[][][] filter = new float[(int) tensor.shape().get(0)][(int) tensor.shape().get(1)][(int) tensor.shape().get(2)];
            for (int y = 0; y < filter.length; y++) {
                for (int x = 0; x < filter[0].length; x++) {
                    for (int c = 0; c < filter[0][0].length; c++) {
                        filter[y][x][c] = tensor.getFloat(y, x, c, 0);
                    }
                }
            }
            return filter;
        }
    }

    /** From TensorFlow's [kh][kw][in][out] to TensorFlow Lite's [out][kh][kw][in]. */
    private static float[][][][] fetchFilter(Session session, Variable<TFloat32> variable) {
        try (Result result = session.runner().fetch(variable).run()) {
            TFloat32 tensor = (TFloat32) result.get(0);
            int kh = (int) tensor.shape().get(0);
            int kw = (int) tensor.shape().get(1);
            int in = (int) tensor.shape().get(2);
            int out = (int) tensor.shape().get(3);
            float[][][][] filter = new float[out][kh][kw][in];
            for (int o = 0; o < out; o++) {
                for (int y = 0; y < kh; y++) {
                    for (int x = 0; x < kw; x++) {
                        for (int c = 0; c < in; c++) {
                            filter[o][y][x][c] = tensor.getFloat(y, x, c, o);
                        }
                    }
                }
            }
            return filter;
        }
    }
}
