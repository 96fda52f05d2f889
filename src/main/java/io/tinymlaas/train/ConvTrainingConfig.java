package io.tinymlaas.train;

import java.util.List;

/**
 * Hyper-parameters of a CNN classifier: the input shape [height, width, channels], conv+pool blocks, dense hidden
 * widths (ReLU; the output width is the number of classes), mini-batch size, the Adam schedule and the seed.
 */
public record ConvTrainingConfig(int height, int width, int channels, List<Block> blocks, int[] hiddenUnits,
                                 int batchSize, List<TrainingConfig.Phase> phases, long seed) {

    /** CONV_2D with {@code filters} filters of kernelH × kernelW (stride 1, SAME, ReLU), then a poolH × poolW max pool. */
    public record Block(int filters, int kernelH, int kernelW, int poolH, int poolW) {
    }

    public int epochs() {
        return phases.stream().mapToInt(TrainingConfig.Phase::epochs).sum();
    }
}
