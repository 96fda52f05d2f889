package io.tinymlaas.examples;

import io.tinymlaas.data.Dataset;
import io.tinymlaas.data.Gesture;
import io.tinymlaas.data.GestureSynthesizer;
import io.tinymlaas.data.Split;
import io.tinymlaas.report.Quality;
import io.tinymlaas.train.ConvTrainingConfig;
import io.tinymlaas.train.ConvTrainingConfig.Block;
import io.tinymlaas.train.TrainingConfig.Phase;
import java.util.Arrays;
import java.util.List;

/**
 * The classic TinyML magic_wand: a small CNN tells the gestures wing, ring and slope (and "negative") apart from
 * 128 × 3 accelerometer readings at 25 Hz. The network follows the original: CONV_2D 8×(4×3) → MAX_POOL 3×3 →
 * CONV_2D 16×(4×1) → MAX_POOL 3×1 → FULLY_CONNECTED 16 → FULLY_CONNECTED 4 → SOFTMAX (dropout left out).
 * The data is synthesized ({@link GestureSynthesizer}); quality is the int8 model's accuracy on the held-out test split.
 * <p>
 * Two profiles: {@link #FAST} (the default, for every `mvn verify`: little data, few epochs, a goal well above the
 * 25 % of chance) and {@link #FULL} (for a nightly run: five times the data, more epochs, the ≥ 90 % goal of the issue).
 */
public final class MagicWand extends ProfiledExample<MagicWand.Profile> {

    public static final String NAME = "magic_wand";

    /** How much data and training, and the accuracy the int8 model must reach on the test split. */
    public record Profile(String name, int trainPerClass, int validationPerClass, int testPerClass, List<Phase> phases,
                          double accuracyGoal) {
    }

    /**
     * About 10 s of training on one thread (150 windows per class gave only 0.78–0.81, mostly negatives taken for
     * gestures). `tinyml flakiness` over training seeds 1–220 (data seed 2024, 2026-12-07): int8 test accuracy
     * 0.833–0.983, mean 0.950, σ 0.021; the worst seeds lose up to 8 points to int8 conversion. The 0.8 goal is missed
     * by fewer than 1 run in 1,000 by a normal fit and by an exponential fit to the worst tenth (6e-5).
     */
    public static final Profile FAST = new Profile("fast", 300, 40, 60,
            List.of(new Phase(20, 0.005f), new Phase(10, 0.001f)), 0.8);
    /** Measured once: 41 s of training, validation accuracy 0.984, test accuracy float 0.987, int8 0.980 (1,000 windows). */
    public static final Profile FULL = new Profile("full", 1500, 250, 250,
            List.of(new Phase(30, 0.003f), new Phase(15, 0.0005f)), 0.9);

    static final long DATA_SEED = 2024;
    static final long TRAINING_SEED = 7;
    static final int BATCH_SIZE = 32;

    /** The profile the build asks for ({@link #chosen}): FULL in the nightly build, else FAST. */
    public MagicWand() {
        this(chosen(FAST, FULL));
    }

    public MagicWand(Profile profile) {
        super(NAME, profile);
    }

    @Override
    public Dataset collect() {
        return GestureSynthesizer.generate(profile().trainPerClass(), profile().validationPerClass(), profile().testPerClass(), DATA_SEED);
    }

    @Override
    public ModelRecipe recipe() {
        return new ModelRecipe.ConvClassifier(new ConvTrainingConfig(GestureSynthesizer.WINDOW, GestureSynthesizer.AXES, 1,
                List.of(new Block(8, 4, 3, 3, 3), new Block(16, 4, 1, 3, 1)), new int[] {16}, BATCH_SIZE, profile().phases(),
                TRAINING_SEED));
    }

    /** Accuracy (argmax of the int8 softmax against the label) with its goal; the recall of each class as figures. */
    @Override
    public List<Quality> judge(Split test, List<float[]> outputs) {
        return ClassifierQuality.judge(test, outputs, "accuracy on the test split (" + profile().name() + " profile)",
                profile().accuracyGoal(), Arrays.stream(Gesture.values()).map(Gesture::label).toList());
    }
}
