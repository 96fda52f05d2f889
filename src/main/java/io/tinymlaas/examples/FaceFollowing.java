package io.tinymlaas.examples;

import io.tinymlaas.data.CellGrid;
import io.tinymlaas.data.Dataset;
import io.tinymlaas.data.FaceFrames;
import io.tinymlaas.data.LfwSubset;
import io.tinymlaas.data.Split;
import io.tinymlaas.report.Quality;
import io.tinymlaas.tflite.ModelMetadata;
import io.tinymlaas.train.ConvTrainingConfig;
import io.tinymlaas.train.ConvTrainingConfig.Block;
import io.tinymlaas.train.TrainingConfig.Phase;
import java.util.List;

/**
 * The face-position model of the face-following pan/tilt demo: where is the face in a {@value FaceFrames#SIDE} ×
 * {@value FaceFrames#SIDE} grayscale frame ({@link FaceFrames})? A small CNN (three CONV_2D 3×3 + MAX_POOL_2D 2×2
 * blocks to 8, 16 and 24 channels, FULLY_CONNECTED 9, SOFTMAX) answers a score per cell of a 3 × 3 grid, trained on
 * the cells' bilinear weights ({@link CellGrid}), so the score-weighted mean of the cell centres is the face's
 * position. About 0.47 M multiply-accumulates. It is a demo's model, not one of the seed examples: it is made through
 * the same lifecycle stages, but is not listed among them.
 */
public final class FaceFollowing implements Example {

    public static final String NAME = FaceFrames.NAME;
    /** Twenty held-out faces and scenes for test, ten for validation, seventy for training at 16 frames each. */
    static final FaceFrames.Sizes SIZES = new FaceFrames.Sizes(20, 10, 16, 10, 10);
    static final long DATA_SEED = 2026;
    static final long TRAINING_SEED = 11;
    static final int BATCH_SIZE = 32;
    /** Mean distance of the predicted face centre from the true one on the test frames, in pixels of the frame. */
    static final double ERROR_GOAL_PIXELS = 3.0;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Dataset collect() {
        return FaceFrames.generate(LfwSubset.load(), SIZES, DATA_SEED);
    }

    /** The scripted frames of the demo, {@code perLeg} per leg, from the held-out faces and scenes of {@link #collect}. */
    public List<FaceFrames.Frame> path(int perLeg) {
        return FaceFrames.path(LfwSubset.load(), perLeg, DATA_SEED);
    }

    @Override
    public ModelRecipe recipe() {
        return new ModelRecipe.ConvClassifier(new ConvTrainingConfig(FaceFrames.SIDE, FaceFrames.SIDE, 1,
                List.of(new Block(8, 3, 3, 2, 2), new Block(16, 3, 3, 2, 2), new Block(24, 3, 3, 2, 2)), new int[0], BATCH_SIZE,
                List.of(new Phase(8, 0.004f), new Phase(4, 0.0008f)), TRAINING_SEED));
    }

    @Override
    public ModelMetadata.Input modelInput() {
        return new ModelMetadata.Input(FaceFrames.SIDE + "x" + FaceFrames.SIDE + " 8-bit grayscale camera frame, pixels p/255",
                ModelMetadata.Content.GRAYSCALE_IMAGE, 0f, 255f);
    }

    /** The mean position error in pixels, with its goal; the share of frames whose face is found in the right cell. */
    @Override
    public List<Quality> judge(Split test, List<float[]> outputs) {
        double error = 0;
        int rightCell = 0;
        for (int i = 0; i < test.size(); i++) {
            double[] truth = CellGrid.position(test.targets()[i]);
            double[] found = CellGrid.position(outputs.get(i));
            error += Math.hypot(found[0] - truth[0], found[1] - truth[1]) * FaceFrames.SIDE;
            rightCell += cell(found) == cell(truth) ? 1 : 0;
        }
        return List.of(Quality.atMost("mean distance of the found face centre from the true one, pixels", error / test.size(),
                        ERROR_GOAL_PIXELS),
                Quality.report("share of frames with the face found in its 3x3 cell", rightCell / (double) test.size()));
    }

    private static int cell(double[] position) {
        int column = Math.min(CellGrid.SIDE - 1, (int) (position[0] * CellGrid.SIDE));
        int row = Math.min(CellGrid.SIDE - 1, (int) (position[1] * CellGrid.SIDE));
        return row * CellGrid.SIDE + column;
    }
}
