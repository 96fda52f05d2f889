package io.tinymlaas.benchmark;

import io.tinymlaas.core.TinymlException;
import io.tinymlaas.tflite.Activation;
import io.tinymlaas.tflite.Quantization;
import io.tinymlaas.tflite.TfliteModel;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.LongFunction;

/**
 * The published benchmark models, layer for layer as their reference {@code .tflite} files have them (read from
 * mlcommons/tiny's trained_models and TFLM's person_detect), with seeded random weights. {@link #id()} names the
 * model in bench files and in tflm-reference.yaml, where TFLM's instruction counts for the published file are.
 */
public enum PublishedShape {

    /** MLPerf Tiny keyword spotting: DS-CNN on 49×10 MFCC features, 12 classes. */
    KWS("mlperf_kws", "MLPerf Tiny KWS DS-CNN 49x10x1", PublishedShape::dsCnn),
    /** MLPerf Tiny visual wake words: MobileNet v1 0.25 on 96×96 RGB, 2 classes. */
    VWW("mlperf_vww", "MLPerf Tiny VWW MobileNet v1 0.25 96x96x3", seed -> mobileNet(seed, 3)),
    /** MLPerf Tiny image classification: ResNet-8 on 32×32 RGB (CIFAR-10), 10 classes. */
    RESNET8("mlperf_resnet8", "MLPerf Tiny IC ResNet-8 32x32x3", PublishedShape::resNet8),
    /** MLPerf Tiny anomaly detection: the fully connected autoencoder over 640 log-mel values. */
    AD("mlperf_ad", "MLPerf Tiny AD FC autoencoder 640", PublishedShape::autoencoder),
    /** TFLM's person_detect: MobileNet v1 0.25 on 96×96 grayscale, 2 classes. */
    PERSON_DETECT("person_detect", "TFLM person_detect MobileNet v1 0.25 96x96x1", seed -> mobileNet(seed, 1));

    private static final int[][] MOBILENET_SEPARABLE = { // stride, pointwise output channels
        {1, 16}, {2, 32}, {1, 32}, {2, 64}, {1, 64}, {2, 128}, {1, 128}, {1, 128}, {1, 128}, {1, 128}, {1, 128},
        {2, 256}, {1, 256}};

    private final String id;
    private final String description;
    private final LongFunction<TfliteModel> builder;

    PublishedShape(String id, String description, LongFunction<TfliteModel> builder) {
        this.id = id;
        this.description = description;
        this.builder = builder;
    }

    public String id() {
        return id;
    }

    public String description() {
        return description;
    }

    /** The model, the same for the same seed. */
    public TfliteModel build(long seed) {
        return builder.apply(seed);
    }

    /** By {@link #id()} or enum name, any case: "mlperf_kws", "kws". */
    public static PublishedShape byName(String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(s -> s.id.equals(wanted) || s.name().toLowerCase(Locale.ROOT).equals(wanted)).findFirst()
                .orElseThrow(() -> new TinymlException("no published model shape '" + name + "'; known: "
                        + Arrays.stream(values()).map(PublishedShape::id).toList()));
    }

    /** CONV_2D 10×4/2 to 64 channels, four depthwise 3×3 + pointwise 64 pairs, average pool, FC 12, SOFTMAX. */
    private static TfliteModel dsCnn(long seed) {
        ShapedNetwork n = new ShapedNetwork(seed);
        int x = n.input("mfcc", new int[] {1, 49, 10, 1}, Quantization.perTensor(0.5847f, 83));
        x = n.conv("conv0", x, 10, 4, 64, 2, Activation.RELU);
        for (int i = 1; i <= 4; i++) {
            x = n.depthwise("dw" + i, x, 1, Activation.RELU);
            x = n.conv("pw" + i, x, 1, 1, 64, 1, Activation.RELU);
        }
        return classifier(n, "KWS DS-CNN (random weights)", x, 12);
    }

    /**
     * CONV_2D 3×3/2 to 8 channels, 13 depthwise 3×3 + pointwise 1×1 pairs (16, 32, 32, 64, 64, 128 ×6, 256 ×2
     * channels; stride 2 where MobileNet halves the image), average pool, FC 2, SOFTMAX; ReLU6 throughout.
     */
    private static TfliteModel mobileNet(long seed, int channels) {
        ShapedNetwork n = new ShapedNetwork(seed);
        int x = n.input("image", new int[] {1, 96, 96, channels}, Quantization.perTensor(1f / 255, -128));
        x = n.conv("conv0", x, 3, 3, 8, 2, Activation.RELU6);
        for (int i = 0; i < MOBILENET_SEPARABLE.length; i++) {
            x = n.depthwise("dw" + (i + 1), x, MOBILENET_SEPARABLE[i][0], Activation.RELU6);
            x = n.conv("pw" + (i + 1), x, 1, 1, MOBILENET_SEPARABLE[i][1], 1, Activation.RELU6);
        }
        return classifier(n, "MobileNet v1 0.25 96x96x" + channels + " (random weights)", x, 2);
    }

    /**
     * CONV_2D 3×3 to 16 channels, then three residual stacks (16, 32, 64 channels; the last two halve the image and
     * take a 1×1/2 convolution on the shortcut), each ending in ADD + ReLU; average pool, FC 10, SOFTMAX.
     */
    private static TfliteModel resNet8(long seed) {
        ShapedNetwork n = new ShapedNetwork(seed);
        int x = n.input("image", new int[] {1, 32, 32, 3}, Quantization.perTensor(1f, -128));
        x = n.conv("conv0", x, 3, 3, 16, 1, Activation.RELU);
        int[][] stacks = {{16, 1}, {32, 2}, {64, 2}};
        for (int s = 0; s < stacks.length; s++) {
            String stack = "stack" + (s + 1);
            int depth = stacks[s][0];
            int stride = stacks[s][1];
            int y = n.conv(stack + "/conv1", x, 3, 3, depth, stride, Activation.RELU);
            y = n.conv(stack + "/conv2", y, 3, 3, depth, 1, Activation.NONE);
            int shortcut = stride == 1 ? x : n.conv(stack + "/shortcut", x, 1, 1, depth, stride, Activation.NONE);
            x = n.add(stack + "/add", shortcut, y, Activation.RELU);
        }
        return classifier(n, "ResNet-8 (random weights)", x, 10);
    }

    /** FULLY_CONNECTED 640 → 128 ×4 → 8 → 128 ×4 → 640, ReLU on all but the last. */
    private static TfliteModel autoencoder(long seed) {
        ShapedNetwork n = new ShapedNetwork(seed);
        int x = n.input("log_mel", new int[] {1, 640}, Quantization.perTensor(0.391f, 89));
        int[] units = {128, 128, 128, 128, 8, 128, 128, 128, 128};
        for (int i = 0; i < units.length; i++) {
            x = n.fullyConnected("dense" + (i + 1), x, units[i], Activation.RELU, null);
        }
        x = n.fullyConnected("reconstruction", x, 640, Activation.NONE, Quantization.perTensor(0.3645f, 96));
        return n.build("AD FC autoencoder (random weights)", x);
    }

    private static TfliteModel classifier(ShapedNetwork n, String description, int features, int classes) {
        int flat = n.poolAndFlatten("head", features);
        int logits = n.fullyConnected("logits", flat, classes, Activation.NONE, Quantization.perTensor(0.05f, 0));
        return n.build(description, n.softmax("probabilities", logits));
    }
}
