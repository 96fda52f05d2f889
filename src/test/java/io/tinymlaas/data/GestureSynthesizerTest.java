package io.tinymlaas.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GestureSynthesizerTest {

    @TempDir
    Path dir;

    @Test
    void theSameSeedGivesTheSameDataAndTheSameStoredVersion() {
        StoredDataset a = new DatasetStore(dir).save(GestureSynthesizer.generate(5, 2, 3, 11));
        StoredDataset b = new DatasetStore(dir).save(GestureSynthesizer.generate(5, 2, 3, 11));
        StoredDataset c = new DatasetStore(dir).save(GestureSynthesizer.generate(5, 2, 3, 12));
        assertThat(a.contentHash()).isEqualTo(b.contentHash()).isNotEqualTo(c.contentHash());
        assertThat(a.directory().resolve("manifest.json")).isRegularFile();
        assertThat(a.dataset().train().size()).isEqualTo(20);
        assertThat(a.dataset().validation().size()).isEqualTo(8);
        assertThat(a.dataset().test().size()).isEqualTo(12);
    }

    @Test
    void windowsAre128SamplesOfThreeAxesWithOneHotLabelsInterleaved() {
        Split split = GestureSynthesizer.generate(3, 1, 1, 1).train();
        for (int i = 0; i < split.size(); i++) {
            assertThat(split.inputs()[i]).hasSize(128 * 3);
            assertThat(split.targets()[i]).containsExactly(Gesture.values()[i % 4].oneHot());
        }
    }

    @Test
    void atRestTheSensorReadsOneGOfGravityInSomeTiltedDirection() {
        // an idle negative window: the mean reading is gravity, |g| = 1, mostly along +z when tilted at most 30°
        Random random = new Random(5);
        for (int trial = 0; trial < 20; trial++) {
            float[] window = GestureSynthesizer.window(Gesture.NEGATIVE, random);
            double[] mean = mean(window);
            double norm = Math.sqrt(mean[0] * mean[0] + mean[1] * mean[1] + mean[2] * mean[2]);
            if (norm > 0.97 && norm < 1.03) {
                assertThat(mean[2]).isGreaterThan(Math.cos(Math.toRadians(31)) - 0.05);
            }
        }
    }

    @Test
    void gesturesMoveTheSensorFarMoreThanItsNoise() {
        Random random = new Random(3);
        for (Gesture gesture : new Gesture[] {Gesture.WING, Gesture.RING, Gesture.SLOPE}) {
            float[] window = GestureSynthesizer.window(gesture, random);
            double[] mean = mean(window);
            double peak = 0;
            for (int t = 0; t < 128; t++) {
                double dx = window[t * 3] - mean[0];
                double dy = window[t * 3 + 1] - mean[1];
                double dz = window[t * 3 + 2] - mean[2];
                peak = Math.max(peak, Math.sqrt(dx * dx + dy * dy + dz * dz));
            }
            assertThat(peak).as(gesture.label()).isGreaterThan(0.15);
            assertThat(peak).as(gesture.label()).isLessThan(4);
        }
    }

    @Test
    void minimumJerkStartsAndEndsAtRest() {
        assertThat(GestureSynthesizer.minimumJerk(0)).isZero();
        assertThat(GestureSynthesizer.minimumJerk(1)).isCloseTo(1, within(1e-12));
        assertThat(GestureSynthesizer.minimumJerk(0.5)).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void rotationsAreOrthonormal() {
        double[][] r = GestureSynthesizer.rotation(new Random(9), Math.PI);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double dot = r[0][i] * r[0][j] + r[1][i] * r[1][j] + r[2][i] * r[2][j];
                assertThat(dot).isCloseTo(i == j ? 1 : 0, within(1e-9));
            }
        }
    }

    private static double[] mean(float[] window) {
        double[] mean = new double[3];
        for (int t = 0; t < 128; t++) {
            for (int a = 0; a < 3; a++) {
                mean[a] += window[t * 3 + a] / 128.0;
            }
        }
        return mean;
    }
}
