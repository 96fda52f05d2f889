package io.tinymlaas.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The face-following frames: faces on scenes with their centres as targets, and the demo's scripted path. */
class FaceFramesTest {

    private static final LfwSubset.Images LFW = LfwSubset.load();

    @Test
    void eachFramesTargetIsWhereItsFacesCentreIsAndTheSplitsHaveTheirSizes() {
        Dataset data = FaceFrames.generate(LFW, new FaceFrames.Sizes(20, 10, 2, 1, 1), 3);
        assertThat(data.train().size()).isEqualTo(70 * 2);
        assertThat(data.validation().size()).isEqualTo(10);
        assertThat(data.test().size()).isEqualTo(20);
        assertThat(data.labels().isRegression()).isTrue();
        for (float[] target : data.train().targets()) {
            double sum = 0;
            for (float w : target) {
                sum += w;
            }
            assertThat(sum).isCloseTo(1, within(1e-5));
        }
        assertThat(List.of(data.train().inputs())).allSatisfy(frame -> assertThat(frame).hasSize(FaceFrames.SIDE * FaceFrames.SIDE));
    }

    @Test
    void theSameSeedGivesTheSameFrames() {
        Dataset a = FaceFrames.generate(LFW, new FaceFrames.Sizes(20, 10, 1, 1, 1), 4);
        Dataset b = FaceFrames.generate(LFW, new FaceFrames.Sizes(20, 10, 1, 1, 1), 4);
        assertThat(a.test().inputs()).isDeepEqualTo(b.test().inputs());
        assertThat(a.train().targets()).isDeepEqualTo(b.train().targets());
    }

    @Test
    void aPlacedFaceChangesOnlyThePixelsUnderItAndNamesItsCentre() {
        float[] scene = new float[FaceFrames.SIDE * FaceFrames.SIDE];
        FaceFrames.Frame frame = FaceFrames.place(LFW.faces().get(0), scene, 12, 0.5, 0.25, ImageAugmenter.View.PLAIN, new Random(1));
        assertThat(frame.x()).isEqualTo(0.5);
        assertThat(frame.y()).isEqualTo(0.25);
        for (int v = 0; v < FaceFrames.SIDE; v++) {
            for (int u = 0; u < FaceFrames.SIDE; u++) {
                boolean under = u >= 10 && u < 22 && v >= 2 && v < 14;
                if (!under) {
                    assertThat(frame.pixels()[v * FaceFrames.SIDE + u]).as("(%d, %d)", u, v).isZero();
                }
            }
        }
        assertThat(frame.pixels()[8 * FaceFrames.SIDE + 16]).isPositive();
    }

    @Test
    void theScriptedPathCrossesTheTopGoesDownTheRightComesBackAlongTheBottomAndJumpsBack() {
        List<FaceFrames.Frame> path = FaceFrames.path(LFW, 10, 2026);
        assertThat(path).hasSize(33);
        assertThat(path.get(0).x()).isLessThan(0.25);
        assertThat(path.get(9).x()).isGreaterThan(0.7);
        assertThat(path.subList(0, 10)).allSatisfy(f -> assertThat(f.y()).isEqualTo(path.get(0).y()));
        assertThat(path.subList(10, 20)).allSatisfy(f -> assertThat(f.x()).isEqualTo(path.get(10).x()));
        assertThat(path.get(19).y()).isGreaterThan(0.7);
        assertThat(path.get(29).x()).isLessThan(0.3);
        assertThat(path.subList(30, 33)).allSatisfy(f -> assertThat(f.x()).isEqualTo(path.get(0).x()));
        for (int i = 1; i < 30; i++) {
            assertThat(Math.hypot(path.get(i).x() - path.get(i - 1).x(), path.get(i).y() - path.get(i - 1).y()))
                    .as("step %d", i).isLessThan(0.1);
        }
    }
}
