package io.tinymlaas.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.tinymlaas.compile.AotCompiler;
import io.tinymlaas.compile.CompiledModel;
import io.tinymlaas.convert.CnnInt8Converter;
import io.tinymlaas.data.PersonClass;
import io.tinymlaas.data.PersonImages;
import io.tinymlaas.data.Split;
import io.tinymlaas.lifecycle.Lifecycle;
import io.tinymlaas.report.Quality;
import io.tinymlaas.tflite.MultiplyAccumulates;
import io.tinymlaas.tflite.TfliteModel;
import io.tinymlaas.train.ConvLayer;
import io.tinymlaas.train.ConvNetwork;
import io.tinymlaas.train.ConvTrainingConfig;
import io.tinymlaas.train.DenseLayer;
import io.tinymlaas.train.DepthwiseLayer;
import io.tinymlaas.train.SeparableLayer;
import io.tinymlaas.train.TrainedModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PersonDetectionTest {

    @Test
    void isRegisteredWithTheBuildsProfileAndAMobileNetStyleRecipe() {
        Example example = Examples.byName("person_detection");
        assertThat(example).isInstanceOf(PersonDetection.class);
        assertThat(((PersonDetection) example).profile()).as("the profile the build asks for").isEqualTo(ProfiledExample.chosen(PersonDetection.FAST, PersonDetection.FULL));
        ConvTrainingConfig config = ((ModelRecipe.ConvClassifier) example.recipe()).config();
        assertThat(new int[] {config.height(), config.width(), config.channels()}).containsExactly(96, 96, 1);
        assertThat(config.blocks()).containsExactly(new ConvTrainingConfig.Block(8, 3, 3, 2, 1, 1));
        assertThat(config.separable()).extracting(ConvTrainingConfig.Separable::filters).containsExactly(16, 32, 64, 64);
        assertThat(config.globalAveragePool()).isTrue();
        assertThat(config.hiddenUnits()).isEmpty();
    }

    /** With Glorot initial weights in the separable stack, seed 4 started with every unit of the last block dead. */
    @Test
    void theFastProfileLearnsFromASeedWhoseStartUsedToBeDead(@TempDir Path work) {
        // a smaller profile than the fast one: whether a start is dead shows in any amount of data
        PersonDetection.Profile small = new PersonDetection.Profile("dead-start check", new PersonImages.Sizes(30, 10, 4, 2, 4),
                PersonDetection.FAST.phases(), PersonDetection.FAST.accuracyGoal());
        Lifecycle lifecycle = new Lifecycle(new PersonDetection(small), work.resolve("run"), work.resolve("datasets"));
        lifecycle.collect();
        TrainedModel trained = lifecycle.train(4);
        assertThat(trained.lossPerEpoch().get(trained.lossPerEpoch().size() - 1)).as("cross-entropy after training")
                .isLessThan(0.5 * Math.log(2));
        assertThat(lifecycle.judgeFloatModel().get(0).value()).as("float accuracy").isGreaterThan(0.65);
    }

    @Test
    void theFastProfileIsHeldTo75PercentTheFullOneTo80OnTheSameTestImagesWithMoreTrainingViews() {
        assertThat(PersonDetection.FULL.accuracyGoal()).isEqualTo(0.80);
        assertThat(PersonDetection.FAST.accuracyGoal()).isEqualTo(0.75);
        assertThat(PersonDetection.FULL.sizes().testSources()).isEqualTo(PersonDetection.FAST.sizes().testSources());
        assertThat(PersonDetection.FULL.sizes().testViews()).isEqualTo(PersonDetection.FAST.sizes().testViews());
        assertThat(PersonDetection.FULL.sizes().trainViews()).isGreaterThan(PersonDetection.FAST.sizes().trainViews());
        // at least 1,000 test images, so the x86 run compares that many inputs with the reference interpreter
        assertThat(2 * PersonDetection.FAST.sizes().testSources() * PersonDetection.FAST.sizes().testViews())
                .isGreaterThanOrEqualTo(1000);
    }

    /**
     * The budget on the Cortex-M4: 15 M instructions and 60,000 B of activation RAM per inference. The design
     * stays far below, whatever the trained weights: 627,968 multiply-accumulates, and an arena of the 96 × 96 input
     * beside the first conv's 48 × 48 × 8 output.
     */
    @Test
    void theNetworkNeedsUnderAMillionMultiplyAccumulatesAndA27648ByteArena() {
        ConvTrainingConfig config = ((ModelRecipe.ConvClassifier) new PersonDetection(PersonDetection.FAST).recipe()).config();
        Random random = new Random(1);
        float[][] calibration = new float[8][96 * 96];
        for (float[] image : calibration) {
            for (int i = 0; i < image.length; i++) {
                image[i] = random.nextFloat();
            }
        }
        TfliteModel model = CnnInt8Converter.convert(randomNetwork(config, random), calibration, "person_detection budget");
        assertThat(model.operators()).extracting(op -> op.name()).containsExactly("CONV_2D",
                "DEPTHWISE_CONV_2D", "CONV_2D", "DEPTHWISE_CONV_2D", "CONV_2D", "DEPTHWISE_CONV_2D", "CONV_2D",
                "DEPTHWISE_CONV_2D", "CONV_2D", "AVERAGE_POOL_2D", "RESHAPE", "FULLY_CONNECTED", "SOFTMAX");
        assertThat(MultiplyAccumulates.count(model)).isEqualTo(627_968);
        CompiledModel compiled = AotCompiler.compile(model, "0".repeat(64), "person_detection budget");
        assertThat(compiled.plan().arenaBytes()).isEqualTo(96 * 96 + 48 * 48 * 8).isLessThan(60_000);
        assertThat(compiled.inputBytes()).isEqualTo(9216);
        assertThat(compiled.outputBytes()).isEqualTo(2);
    }

    @Test
    void accuracyIsTheShareOfArgmaxHitsAndEachClassReportsItsRecall() {
        float[] person = PersonClass.PERSON.oneHot();
        float[] none = PersonClass.NO_PERSON.oneHot();
        Split test = new Split(new float[5][1], new float[][] {person, none, person, none, person});
        List<float[]> outputs = List.of(new float[] {0.9f, 0.1f}, new float[] {0.2f, 0.8f}, new float[] {0.3f, 0.7f},
                new float[] {0.4f, 0.6f}, new float[] {0.45f, 0.55f});
        List<Quality> quality = new PersonDetection(PersonDetection.FAST).judge(test, outputs);
        assertThat(quality.get(0).value()).isEqualTo(0.6);
        assertThat(quality.get(0).passed()).isFalse();
        assertThat(quality).extracting(Quality::metric).containsExactly(
                "accuracy on the held-out test images (fast profile)", "recall of person", "recall of no_person");
        assertThat(quality.get(1).value()).isEqualTo(1 / 3.0);
        assertThat(quality.get(2).value()).isEqualTo(1.0);
        List<float[]> better = List.of(outputs.get(0), outputs.get(1), new float[] {0.7f, 0.3f}, outputs.get(3), new float[] {0.6f, 0.4f});
        assertThat(new PersonDetection(PersonDetection.FULL).judge(test, better).get(0).passed()).isTrue();
    }

    /** A network of the recipe's shape with random weights: enough to size it, since sizes do not depend on values. */
    private static ConvNetwork randomNetwork(ConvTrainingConfig config, Random random) {
        List<ConvLayer> convs = new ArrayList<>();
        int depth = config.channels();
        for (ConvTrainingConfig.Block block : config.blocks()) {
            convs.add(new ConvLayer(random4(block.filters(), block.kernelH(), block.kernelW(), depth, random),
                    new float[block.filters()], block.stride(), block.poolH(), block.poolW()));
            depth = block.filters();
        }
        List<SeparableLayer> separable = new ArrayList<>();
        for (ConvTrainingConfig.Separable block : config.separable()) {
            separable.add(new SeparableLayer(new DepthwiseLayer(random4(1, block.kernel(), block.kernel(), depth, random)[0],
                    new float[depth], block.stride()), new ConvLayer(random4(block.filters(), 1, 1, depth, random),
                    new float[block.filters()], 1, 1)));
            depth = block.filters();
        }
        float[][] logits = new float[PersonClass.values().length][depth];
        for (float[] row : logits) {
            for (int i = 0; i < depth; i++) {
                row[i] = (float) random.nextGaussian();
            }
        }
        return new ConvNetwork(config.height(), config.width(), config.channels(), convs, separable, true,
                List.of(new DenseLayer(logits, new float[logits.length], false)));
    }

    private static float[][][][] random4(int a, int b, int c, int d, Random random) {
        float[][][][] values = new float[a][b][c][d];
        for (float[][][] x : values) {
            for (float[][] y : x) {
                for (float[] z : y) {
                    for (int i = 0; i < d; i++) {
                        z[i] = (float) (random.nextGaussian() * 0.3);
                    }
                }
            }
        }
        return values;
    }
}
