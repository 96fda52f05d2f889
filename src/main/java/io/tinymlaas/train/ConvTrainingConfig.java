package io.tinymlaas.train;

import java.util.List;

/**
 * Hyper-parameters of a CNN classifier: the input shape [height, width, channels], conv+pool blocks, then depthwise
 * separable blocks, then either a flatten or a global average pool, dense hidden widths (ReLU; the output width is the
 * number of classes), mini-batch size, the Adam schedule and the seed.
 */
public record ConvTrainingConfig(int height, int width, int channels, List<Block> blocks, List<Separable> separable,
                                 boolean globalAveragePool, int[] hiddenUnits, int batchSize, List<TrainingConfig.Phase> phases,
                                 long seed) {

    /** Conv+pool blocks only, flattened into the dense layers. */
    public ConvTrainingConfig(int height, int width, int channels, List<Block> blocks, int[] hiddenUnits, int batchSize,
                              List<TrainingConfig.Phase> phases, long seed) {
        this(height, width, channels, blocks, List.of(), false, hiddenUnits, batchSize, phases, seed);
    }

    /**
     * CONV_2D with {@code filters} filters of kernelH × kernelW (SAME, ReLU) at the given stride, then a poolH × poolW max
     * pool (none when both are 1).
     */
    public record Block(int filters, int kernelH, int kernelW, int stride, int poolH, int poolW) {

        /** Stride 1. */
        public Block(int filters, int kernelH, int kernelW, int poolH, int poolW) {
            this(filters, kernelH, kernelW, 1, poolH, poolW);
        }
    }

    /**
     * MobileNet's building block: a kernel × kernel DEPTHWISE_CONV_2D at the given stride (SAME, ReLU), then a 1 × 1
     * CONV_2D to {@code filters} channels (ReLU).
     */
    public record Separable(int filters, int kernel, int stride) {
    }

    /** The same network and schedule, trained from another seed (initial weights, shuffles). */
    public ConvTrainingConfig withSeed(long newSeed) {
        return new ConvTrainingConfig(height, width, channels, blocks, separable, globalAveragePool, hiddenUnits, batchSize,
                phases, newSeed);
    }

    /**
     * The same recipe with {@code factor} times the filters in every block and the units in every hidden layer (the
     * input, the number of classes and the schedule stay): a larger model of the same kind, e.g. for a cloud.
     */
    public ConvTrainingConfig wider(int factor) {
        return new ConvTrainingConfig(height, width, channels,
                blocks.stream().map(b -> new Block(b.filters() * factor, b.kernelH(), b.kernelW(), b.stride(), b.poolH(), b.poolW())).toList(),
                separable.stream().map(s -> new Separable(s.filters() * factor, s.kernel(), s.stride())).toList(),
                globalAveragePool, TrainingConfig.times(hiddenUnits, factor), batchSize, phases, seed);
    }

    public int epochs() {
        return phases.stream().mapToInt(TrainingConfig.Phase::epochs).sum();
    }
}
