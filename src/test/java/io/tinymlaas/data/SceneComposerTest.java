package io.tinymlaas.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SceneComposerTest {

    private static ScenePhotos.Scene flat(float level) {
        float[] pixels = new float[ScenePhotos.WIDTH * ScenePhotos.HEIGHT];
        Arrays.fill(pixels, level);
        return new ScenePhotos.Scene(pixels, ScenePhotos.HEIGHT, ScenePhotos.WIDTH, "flat");
    }

    @Test
    void backgroundsAreWindowsOfTheScenesAndAboutOneInTenIsNoise() {
        Random random = new Random(3);
        int noise = 0;
        for (int i = 0; i < 400; i++) {
            float[] frame = SceneComposer.background(List.of(flat(0.4f)), 96, random);
            assertThat(frame).hasSize(96 * 96);
            boolean plain = true;
            for (float p : frame) {
                plain &= Math.abs(p - ImageAugmenter.level(0.4)) < 1e-6;
            }
            noise += plain ? 0 : 1;
        }
        assertThat(noise).isBetween(20, 70);
    }

    @Test
    void aLaidInCropIsOpaqueInsideFadesAtItsEdgeAndCoversAtLeastThirtyPercentOfTheSide() {
        Random random = new Random(5);
        float[] crop = new float[25 * 25];
        Arrays.fill(crop, 1f);
        for (int i = 0; i < 50; i++) {
            float[] frame = new float[96 * 96];
            SceneComposer.layIn(frame, 96, crop, 25, random);
            int[] box = {96, 96, -1, -1};
            int opaque = 0;
            for (int y = 0; y < 96; y++) {
                for (int x = 0; x < 96; x++) {
                    float p = frame[y * 96 + x];
                    if (p > 0) {
                        box[0] = Math.min(box[0], x);
                        box[1] = Math.min(box[1], y);
                        box[2] = Math.max(box[2], x);
                        box[3] = Math.max(box[3], y);
                    }
                    opaque += p == 1f ? 1 : 0;
                }
            }
            int side = box[2] - box[0] + 1;
            assertThat(box[3] - box[1] + 1).as("a square").isEqualTo(side);
            assertThat(side).isBetween((int) Math.round(96 * SceneComposer.MIN_CROP), 96);
            assertThat(frame[box[1] * 96 + box[0]]).as("corner faded").isLessThan(0.5f);
            assertThat(opaque).as("opaque inside").isGreaterThan(side * side / 3);
        }
    }
}
