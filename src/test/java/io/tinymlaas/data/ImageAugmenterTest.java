package io.tinymlaas.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tinymlaas.data.ImageAugmenter.View;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ImageAugmenterTest {

    /** A 5 × 5 horizontal ramp: the left column dark, the right one bright. */
    private static final float[] RAMP = new float[25];

    static {
        for (int i = 0; i < 25; i++) {
            RAMP[i] = (i % 5) / 4f;
        }
    }

    @Test
    void thePlainViewOnlyResamplesAndKeepsTheRampAndItsMean() {
        float[] out = ImageAugmenter.render(RAMP, 5, 20, View.PLAIN, new Random(1));
        assertThat(out).hasSize(400);
        for (int y = 0; y < 20; y++) {
            assertThat(out[y * 20]).isEqualTo(0f);
            assertThat(out[y * 20 + 19]).isEqualTo(1f);
            for (int x = 1; x < 20; x++) {
                assertThat(out[y * 20 + x]).isGreaterThanOrEqualTo(out[y * 20 + x - 1]);
            }
        }
        assertThat(mean(out)).isCloseTo(0.5, within(0.01));
    }

    @Test
    void mirroringTurnsTheRampAroundAndBrightnessAndContrastActOnTheLevels() {
        float[] plain = ImageAugmenter.render(RAMP, 5, 20, View.PLAIN, new Random(1));
        float[] mirrored = ImageAugmenter.render(RAMP, 5, 20, new View(true, 0, 0, 1, 0, 1, 0), new Random(1));
        for (int y = 0; y < 20; y++) {
            for (int x = 0; x < 20; x++) {
                assertThat(mirrored[y * 20 + x]).isEqualTo(plain[y * 20 + 19 - x]);
            }
        }
        float[] brighter = ImageAugmenter.render(RAMP, 5, 20, new View(false, 0, 0, 1, 0.1, 1, 0), new Random(1));
        assertThat(mean(brighter)).isCloseTo(mean(plain) + 0.1, within(0.02));
        float[] flatter = ImageAugmenter.render(RAMP, 5, 20, new View(false, 0, 0, 1, 0, 0.5, 0), new Random(1));
        assertThat(flatter[0]).isCloseTo(0.25f, within(1 / 255f));
        assertThat(flatter[19]).isCloseTo(0.75f, within(1 / 255f));
    }

    @Test
    void aShiftMovesTheContentAndZoomEnlargesIt() {
        float[] plain = ImageAugmenter.render(RAMP, 5, 20, View.PLAIN, new Random(1));
        // shifted right by a tenth of the image: column x now shows what column x - 2 showed
        float[] shifted = ImageAugmenter.render(RAMP, 5, 20, new View(false, 0.1, 0, 1, 0, 1, 0), new Random(1));
        assertThat(shifted[10]).isEqualTo(plain[8]);
        // zoomed in: the centre is the same, the edges are nearer the centre's level
        float[] zoomed = ImageAugmenter.render(RAMP, 5, 20, new View(false, 0, 0, 1.15, 0, 1, 0), new Random(1));
        assertThat(zoomed[2]).isGreaterThan(plain[2]);
        assertThat(zoomed[17]).isLessThan(plain[17]);
    }

    @Test
    void everyPixelIsAnEightBitLevelAndTheSameSeedGivesTheSameView() {
        View view = View.random(new Random(9));
        float[] a = ImageAugmenter.render(RAMP, 5, 16, view, new Random(3));
        float[] b = ImageAugmenter.render(RAMP, 5, 16, View.random(new Random(9)), new Random(3));
        assertThat(a).containsExactly(b);
        for (float pixel : a) {
            assertThat(pixel * 255).isCloseTo(Math.round(pixel * 255), within(1e-4f));
            assertThat(pixel).isBetween(0f, 1f);
        }
        View noisy = new View(false, 0, 0, 1, 0, 1, 0.03);
        assertThat(ImageAugmenter.render(RAMP, 5, 16, noisy, new Random(3)))
                .isNotEqualTo(ImageAugmenter.render(RAMP, 5, 16, View.PLAIN, new Random(3)));
    }

    private static double mean(float[] image) {
        double sum = 0;
        for (float p : image) {
            sum += p;
        }
        return sum / image.length;
    }
}
