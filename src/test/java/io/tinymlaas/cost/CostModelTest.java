package io.tinymlaas.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.tinymlaas.core.InvalidInputException;
import io.tinymlaas.device.board.Board;
import java.util.List;
import org.junit.jupiter.api.Test;

class CostModelTest {

    /** A 100 MHz board drawing 10 mW running and 10 µW asleep, at $20. */
    private static Board board(Board.Economics economics) {
        return new Board("test_board", "Test board", "MCU", "cortex-m4", "none", 100, 1 << 20, 1 << 18, "uart", null, null,
                "arm-none-eabi-gcc", Board.Emulation.QEMU, null, List.of("test"), List.of(), economics, null, null);
    }

    private static final Board BOARD = board(new Board.Economics(10, 10, 20));

    /** One inference a second; cloud: $1 per million inferences, $1 per million messages, nothing per byte; 1 J per byte... */
    private static CostAssumptions assumptions(double tinymlEngineering, double cloudEngineering) {
        return new CostAssumptions(86_400, 2, 1, 1, 0, 0, 100, 1000, 0, cloudEngineering, tinymlEngineering, 0.5, 1, 0.25, 1);
    }

    private static final CostEstimate.Measured MEASURED = new CostEstimate.Measured(1_000_000, 100, "qemu", "now", "a".repeat(64));

    @Test
    void latencyAndEnergyPerInferenceComeFromTheMeasuredInstructionsTheClockAndTheActivePower() {
        CostEstimate estimate = CostModel.estimate("m", BOARD, MEASURED, 100, 2, assumptions(0, 0));

        // 1 M instructions × 1 cycle at 100 MHz = 10 ms; × 10 mW = 100 µJ
        assertThat(estimate.tinyml().latencyMs()).isCloseTo(10, within(1e-9));
        assertThat(estimate.tinyml().energyPerInferenceUj()).isCloseTo(100, within(1e-9));
        // 100 B × 1000 nJ
        assertThat(estimate.cloud().energyPerInferenceUj()).isCloseTo(100, within(1e-9));
        assertThat(estimate.cloud().latencyMs()).isEqualTo(100);
    }

    @Test
    void oneInferenceEachWayIsPricedAtTheElectricityPriceAndTheCloudsFees() {
        PerInference one = CostModel.perInference(BOARD, MEASURED, assumptions(0, 0));

        assertThat(one.deviceMs()).isCloseTo(10, within(1e-9));
        assertThat(one.deviceJoules()).isCloseTo(100e-6, within(1e-15));
        // 100 µJ at $0.25 per kWh (3.6 MJ)
        assertThat(one.deviceUsd()).isCloseTo(100e-6 / 3.6e6 * 0.25, within(1e-20));
        // no payload in the assumptions: the model's 100 B input, at 1000 nJ a byte
        assertThat(one.payloadBytes()).isEqualTo(100);
        assertThat(one.radioJoules()).isCloseTo(100e-6, within(1e-15));
        // $1 per million inferences + $1 per million messages, nothing per byte
        assertThat(one.cloudFeesUsd()).isCloseTo(2e-6, within(1e-18));
        assertThat(one.cloudUsd()).isCloseTo(2e-6 + 100e-6 / 3.6e6 * 0.25, within(1e-18));
        assertThat(one.roundTripMs()).isEqualTo(100);
    }

    @Test
    void theFleetTotalsAndTheBreakEvenFollowFromFixedAndPerDeviceCosts() {
        CostEstimate estimate = CostModel.estimate("m", BOARD, MEASURED, 100, 2, assumptions(10_000, 0));

        // per year and device: TinyML 2 updates × $0.50 + energy; cloud 31.536 M inferences × $2 per million + energy
        double tinymlJoulesPerDay = 86_400 * 100e-6 + (86_400 - 864) * 10e-6;
        double cloudJoulesPerDay = 86_400 * 100e-6 + 86_400 * 10e-6;
        double tinymlYear = 1 + tinymlJoulesPerDay * 365 / 3.6e6 * 0.25;
        double cloudYear = 31.536 * 2 + cloudJoulesPerDay * 365 / 3.6e6 * 0.25;
        assertThat(estimate.tinyml().fleetTotalUsd()).isCloseTo(10_000 + 100 * (20 + 2 * tinymlYear), within(1e-6));
        assertThat(estimate.cloud().fleetTotalUsd()).isCloseTo(100 * (20 + 2 * cloudYear), within(1e-6));
        double breakEven = 10_000 / (2 * cloudYear - 2 * tinymlYear);
        assertThat(estimate.breakEvenFleet()).isCloseTo(breakEven, within(1e-9));
        assertThat(estimate.verdict()).isEqualTo("TinyML is cheaper above " + (long) Math.ceil(breakEven) + " devices over 2 years");
        assertThat(estimate.tinyml().usdPerDevicePerYear()).isCloseTo(tinymlYear + 10, within(1e-9));
    }

    @Test
    void theCurveStartsAtTheFixedCostsAndRunsPastBothTheFleetAndTheBreakEven() {
        CostEstimate estimate = CostModel.estimate("m", BOARD, MEASURED, 100, 2, assumptions(10_000, 500));

        assertThat(estimate.curve().get(0)).isEqualTo(new CostEstimate.Point(0, 10_000, 500));
        long last = estimate.curve().get(estimate.curve().size() - 1).fleet();
        assertThat(last).isGreaterThanOrEqualTo(2 * Math.max(100, Math.round(estimate.breakEvenFleet())));
    }

    @Test
    void withNoExtraFixedCostTinymlIsCheaperAtEverySize() {
        CostEstimate estimate = CostModel.estimate("m", BOARD, MEASURED, 100, 2, assumptions(0, 0));

        assertThat(estimate.breakEvenFleet()).isNull();
        assertThat(estimate.verdict()).isEqualTo("TinyML is cheaper at every fleet size");
    }

    @Test
    void batteryLifeIsTheBatteryOverTheEnergyOfADay() {
        CostEstimate estimate = CostModel.estimate("m", BOARD, MEASURED, 1, 1, assumptions(0, 0));

        double tinymlJoulesPerDay = 86_400 * 100e-6 + (86_400 - 864) * 10e-6;
        assertThat(estimate.tinyml().batteryDays()).isCloseTo(3600 / tinymlJoulesPerDay, within(1e-9));
    }

    @Test
    void moreComputeThanADayHasIsRefusedSayingHowMuch() {
        CostEstimate.Measured slow = new CostEstimate.Measured(200_000_000, 100, "qemu", "now", "a".repeat(64));

        assertThatThrownBy(() -> CostModel.estimate("m", BOARD, slow, 1, 1, assumptions(0, 0)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("86400 inferences a day at 2000.000 ms each need 172800 s of compute a day");
    }

    @Test
    void aBoardWithoutEconomicsIsRefusedNamingItsDescriptor() {
        assertThatThrownBy(() -> CostModel.estimate("m", board(null), MEASURED, 1, 1, assumptions(0, 0)))
                .hasMessageContaining("boards/test_board.yaml");
    }

    @Test
    void aFleetBelowOneOrNoYearsIsRefusedNamingTheField() {
        assertThatThrownBy(() -> CostModel.estimate("m", BOARD, MEASURED, 0, 1, assumptions(0, 0)))
                .hasMessage("fleet: must be 1 device or more, found 0");
        assertThatThrownBy(() -> CostModel.estimate("m", BOARD, MEASURED, 1, 0, assumptions(0, 0)))
                .hasMessage("years: must be more than 0, found 0.0");
    }
}
