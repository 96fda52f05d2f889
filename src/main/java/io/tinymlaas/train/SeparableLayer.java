package io.tinymlaas.train;

/** A trained depthwise separable block: a depthwise convolution, then a 1 × 1 convolution across channels. */
public record SeparableLayer(DepthwiseLayer depthwise, ConvLayer pointwise) {
}
