package io.tinymlaas.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tinymlaas.compile.AotCompiler;
import io.tinymlaas.compile.OperatorHarness;
import io.tinymlaas.core.TinymlException;
import io.tinymlaas.tflite.TfliteModel;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.lite.schema.BuiltinOperator;

/**
 * The published models' shapes, layer for layer as their reference .tflite files have them (operators and output
 * shapes read from mlcommons/tiny's kws_ref_model, pretrainedResnet_quant, ad01_int8 and vww_96_int8), and that the
 * small ones run bit-exactly with the portable kernels.
 */
class PublishedShapeTest {

    @TempDir
    Path dir;

    @Test
    void kwsIsTheDsCnnOfMlperfTinyLayerForLayer() {
        assertThat(layers(PublishedShape.KWS.build(1))).isEqualTo(String.join("\n",
                "CONV_2D [1, 25, 5, 64]",
                "DEPTHWISE_CONV_2D [1, 25, 5, 64]", "CONV_2D [1, 25, 5, 64]",
                "DEPTHWISE_CONV_2D [1, 25, 5, 64]", "CONV_2D [1, 25, 5, 64]",
                "DEPTHWISE_CONV_2D [1, 25, 5, 64]", "CONV_2D [1, 25, 5, 64]",
                "DEPTHWISE_CONV_2D [1, 25, 5, 64]", "CONV_2D [1, 25, 5, 64]",
                "AVERAGE_POOL_2D [1, 1, 1, 64]", "RESHAPE [1, 64]", "FULLY_CONNECTED [1, 12]", "SOFTMAX [1, 12]"));
        assertThat(PublishedShape.KWS.build(1).input().shape()).containsExactly(1, 49, 10, 1);
    }

    @Test
    void resNet8HasThreeResidualStacksWithStridedShortcutsAsMlperfTinysFile() {
        assertThat(layers(PublishedShape.RESNET8.build(1))).isEqualTo(String.join("\n",
                "CONV_2D [1, 32, 32, 16]",
                "CONV_2D [1, 32, 32, 16]", "CONV_2D [1, 32, 32, 16]", "ADD [1, 32, 32, 16]",
                "CONV_2D [1, 16, 16, 32]", "CONV_2D [1, 16, 16, 32]", "CONV_2D [1, 16, 16, 32]", "ADD [1, 16, 16, 32]",
                "CONV_2D [1, 8, 8, 64]", "CONV_2D [1, 8, 8, 64]", "CONV_2D [1, 8, 8, 64]", "ADD [1, 8, 8, 64]",
                "AVERAGE_POOL_2D [1, 1, 1, 64]", "RESHAPE [1, 64]", "FULLY_CONNECTED [1, 10]", "SOFTMAX [1, 10]"));
    }

    @Test
    void theAutoencoderIsTenFullyConnectedLayersThroughAnEightWideBottleneck() {
        TfliteModel ad = PublishedShape.AD.build(1);
        assertThat(layers(ad)).isEqualTo(String.join("\n", "FULLY_CONNECTED [1, 128]", "FULLY_CONNECTED [1, 128]",
                "FULLY_CONNECTED [1, 128]", "FULLY_CONNECTED [1, 128]", "FULLY_CONNECTED [1, 8]", "FULLY_CONNECTED [1, 128]",
                "FULLY_CONNECTED [1, 128]", "FULLY_CONNECTED [1, 128]", "FULLY_CONNECTED [1, 128]", "FULLY_CONNECTED [1, 640]"));
        assertThat(constantBytes(ad)).isEqualTo(640 * 128 + 3 * 128 * 128 + 128 * 8 + 8 * 128 + 3 * 128 * 128 + 128 * 640
                + 4L * (9 * 128 + 8 + 640 - 128));
    }

    @Test
    void vwwIsMobileNetOnColourImagesAndPersonDetectTheSameOnGrayscale() {
        TfliteModel vww = PublishedShape.VWW.build(1);
        TfliteModel person = PublishedShape.PERSON_DETECT.build(1);
        assertThat(vww.input().shape()).containsExactly(1, 96, 96, 3);
        assertThat(person.input().shape()).containsExactly(1, 96, 96, 1);
        assertThat(layers(vww)).isEqualTo(layers(person));
        assertThat(vww.operators()).hasSize(1 + 2 * 13 + 4);
        assertThat(constantBytes(person)).isBetween(200_000L, 300_000L);
    }

    @Test
    void personDetectsActivationsFitInTheLargestLayerPair() {
        // pw1 reads 48×48×8 and writes 48×48×16: 55,296 B must be live at once; nothing more is needed.
        assertThat(AotCompiler.compile(PublishedShape.PERSON_DETECT.build(1), "00", "person_detect.tflite").plan().arenaBytes())
                .isEqualTo(48 * 48 * 8 + 48 * 48 * 16);
    }

    @Test
    void theSameSeedGivesTheSameWeightsAndAnotherSeedOthers() {
        assertThat(constants(PublishedShape.KWS.build(3))).isEqualTo(constants(PublishedShape.KWS.build(3)))
                .isNotEqualTo(constants(PublishedShape.KWS.build(4)));
    }

    @Test
    void kwsResNet8AndTheAutoencoderRunBitExactlyWithThePortableKernels() {
        for (PublishedShape shape : List.of(PublishedShape.KWS, PublishedShape.RESNET8, PublishedShape.AD)) {
            OperatorHarness.assertBitExact(shape.build(1), 2, new Random(5), dir.resolve(shape.id()), shape.id());
        }
    }

    @Test
    void aShapeIsFoundByItsIdOrShortNameAndAnUnknownOneIsRefusedWithTheKnownOnes() {
        assertThat(PublishedShape.byName("mlperf_kws")).isEqualTo(PublishedShape.KWS);
        assertThat(PublishedShape.byName("ResNet8")).isEqualTo(PublishedShape.RESNET8);
        assertThatThrownBy(() -> PublishedShape.byName("mobilenet_v2")).isInstanceOf(TinymlException.class)
                .hasMessageContaining("mobilenet_v2").hasMessageContaining("mlperf_vww");
    }

    private static String layers(TfliteModel model) {
        return model.operators().stream()
                .map(op -> BuiltinOperator.name(op.opcode()) + " " + Arrays.toString(model.tensors().get(op.outputs()[0]).shape()))
                .collect(Collectors.joining("\n"));
    }

    private static long constantBytes(TfliteModel model) {
        return model.tensors().stream().filter(t -> t.constant()).mapToLong(t -> t.data().length).sum();
    }

    private static List<String> constants(TfliteModel model) {
        return model.tensors().stream().filter(t -> t.constant()).map(t -> Arrays.toString(t.data())).toList();
    }
}
