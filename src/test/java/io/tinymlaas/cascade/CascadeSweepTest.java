package io.tinymlaas.cascade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.tinymlaas.core.InvalidInputException;
import io.tinymlaas.cost.PerInference;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CascadeSweepTest {

    /**
     * Four samples. The device: right on 0 (confidence 0.9) and 2 (0.7), wrong on 1 (0.6) and 3 (0.55). The cloud: right
     * on 0 and 1, wrong on 2 and 3.
     */
    private static final CascadeScores SCORES = new CascadeScores(new int[] {0, 1, 1, 0},
            List.of(new float[] {0.9f, 0.1f}, new float[] {0.6f, 0.4f}, new float[] {0.3f, 0.7f}, new float[] {0.45f, 0.55f}),
            List.of(new float[] {0.8f, 0.2f}, new float[] {0.3f, 0.7f}, new float[] {0.6f, 0.4f}, new float[] {0.4f, 0.6f}));

    /** Device: 2 ms, 50 µJ, $1e-9 an inference; cloud: 150 ms round trip, 30 µJ of radio, $2e-6 an inference. */
    private static final PerInference ONE = new PerInference(2, 50e-6, 1e-9, 100, 30e-6, 1.9e-6, 2e-6, 150);

    @Test
    void theDeviceAloneAndTheCloudAloneAreEachRightOnTwoOfFourAtTheirOwnCostAndLatency() {
        CascadePoint device = CascadeSweep.deviceOnly(SCORES, ONE);
        CascadePoint cloud = CascadeSweep.cloudOnly(SCORES, ONE);

        assertThat(device.accuracy()).isEqualTo(0.5);
        assertThat(device.escalatedShare()).isZero();
        assertThat(device.usdPerThousand()).isCloseTo(1e-6, within(1e-18));
        assertThat(device.latencyMs()).isEqualTo(2);
        assertThat(device.deviceEnergyUj()).isCloseTo(50, within(1e-9));
        assertThat(cloud.accuracy()).isEqualTo(0.5);
        assertThat(cloud.escalatedShare()).isEqualTo(1);
        assertThat(cloud.usdPerThousand()).isCloseTo(0.002, within(1e-15));
        assertThat(cloud.latencyMs()).isEqualTo(150);
        assertThat(cloud.deviceEnergyUj()).isCloseTo(30, within(1e-9));
        assertThat(device.threshold()).isNull();
        assertThat(cloud.threshold()).isNull();
    }

    @Test
    void sendingTheTwoLeastConfidentSamplesToTheCloudBeatsBothAloneAndCostsHalfTheCloudOnTopOfTheDevice() {
        CascadePoint point = CascadeSweep.at(0.65, SCORES, ONE);

        // samples 1 and 3 (confidence 0.6 and 0.55) go to the cloud, which gets 1 right; the device got 0 and 2 right
        assertThat(point.escalatedShare()).isEqualTo(0.5);
        assertThat(point.accuracy()).isEqualTo(0.75);
        // 1,000 × ($1e-9 + 0.5 × $2e-6); 2 ms + 0.5 × 150 ms; 50 µJ + 0.5 × 30 µJ
        assertThat(point.usdPerThousand()).isCloseTo(0.001001, within(1e-15));
        assertThat(point.latencyMs()).isCloseTo(77, within(1e-12));
        assertThat(point.deviceEnergyUj()).isCloseTo(65, within(1e-9));
        assertThat(point.threshold()).isEqualTo(0.65);
    }

    @Test
    void theSweepGoesFromTheDeviceAloneAtZeroToEverySampleSentAtOne() {
        List<CascadePoint> sweep = CascadeSweep.sweep(SCORES, ONE, List.of(0.0, 0.5, 0.65, 0.8, 1.0));

        assertThat(sweep).extracting(CascadePoint::escalatedShare).containsExactly(0.0, 0.0, 0.5, 0.75, 1.0);
        // at 0.8 sample 2 (right on the device, wrong in the cloud) is sent too, and the gain is lost
        assertThat(sweep).extracting(CascadePoint::accuracy).containsExactly(0.5, 0.5, 0.75, 0.5, 0.5);
        assertThat(sweep.get(0).usdPerThousand()).isEqualTo(CascadeSweep.deviceOnly(SCORES, ONE).usdPerThousand());
        // at 1 the device still runs before the cloud: its cost and time come on top of the cloud's
        assertThat(sweep.get(4).usdPerThousand()).isCloseTo(0.002001, within(1e-15));
        assertThat(sweep.get(4).latencyMs()).isCloseTo(152, within(1e-12));
    }

    @Test
    void aThresholdOutsideZeroToOneIsRefusedNamingIt() {
        for (double bad : new double[] {1.5, -0.1, Double.NaN}) {
            assertThatThrownBy(() -> CascadeSweep.sweep(SCORES, ONE, List.of(0.5, bad)))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessage("thresholds: a threshold is a confidence in [0, 1], found " + bad);
        }
        assertThatThrownBy(() -> CascadeSweep.checked(List.of())).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("name at least one threshold in [0, 1]");
    }

    @Test
    void scoresForAnotherNumberOfSamplesThanLabelsAreRejected() {
        assertThatThrownBy(() -> new CascadeScores(new int[] {0, 1}, List.of(new float[] {1, 0}), List.of(new float[] {1, 0})))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("2 labels but 1 device and 1 cloud answers");
    }

    @Test
    void costsTooSmallForDecimalsArePrintedInScientificNotationAndTheRestToThreeDigits() {
        assertThat(Arrays.asList(CascadeReport.usd(5.4213e-9), CascadeReport.usd(0.0014412), CascadeReport.usd(0), CascadeReport.usd(1.5)))
                .containsExactly("$5.42e-09", "$0.00144", "$0", "$1.5");
    }
}
