package io.tinymlaas.device.cycles;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The calibration fixture's loop (firmware/targets/cortex_m/test/calib_model: mov.w r0, #1000; 1: subs r0, #1; bne 1b;
 * bx lr) as the plugin reports it, priced by hand from the Cortex-M4 TRM: mov.w and subs 1 cycle, a taken bne 1 + P
 * with P = 1 (its target is in the instruction), the last bne (not taken) 1, bx lr 1 + P with P = 2 (its target is in a
 * register): (1 + 1 + 2) + 998 × (1 + 2) + (1 + 1) + 3 = 3,003 cycles.
 */
class CycleEstimatorTest {

    private static final List<BlockProfile> CALIBRATION_LOOP = List.of(
            new BlockProfile(0x898, HexFormat.of().parseHex("4ff47a700138fdd1"), 1, 1),
            new BlockProfile(0x89c, HexFormat.of().parseHex("0138fdd1"), 999, 998),
            new BlockProfile(0x8a0, HexFormat.of().parseHex("7047"), 1, 0));

    @Test
    void theCalibrationLoopCostsWhatTheM4ManualSays() {
        CycleEstimate estimate = new CycleEstimator(CoreTiming.CORTEX_M4, FlashTiming.ZERO_WAIT, 64).estimate(CALIBRATION_LOOP);
        assertThat(estimate.instructions()).isEqualTo(2002);
        assertThat(estimate.cycles()).isEqualTo(3003);
        assertThat(estimate.milliseconds()).isEqualTo(3003 / 64_000.0);
        assertThat(estimate.takenBranches()).isEqualTo(999);
        assertThat(estimate.classes()).containsEntry("alu", 1001L).containsEntry("branch_conditional", 1000L)
                .containsEntry("branch", 1L);
    }

    @Test
    void flashWaitStatesCostEveryTakenBranchWithoutACacheAndNothingWithOne() {
        long uncached = new CycleEstimator(CoreTiming.CORTEX_M4, new FlashTiming(3, false), 48).estimate(CALIBRATION_LOOP).cycles();
        long cached = new CycleEstimator(CoreTiming.CORTEX_M4, new FlashTiming(3, true), 48).estimate(CALIBRATION_LOOP).cycles();
        assertThat(uncached).isEqualTo(3003 + 3 * 999);
        assertThat(cached).isEqualTo(3003);
    }

    @Test
    void neighbouringLoadsPipelineOnTheM4() {
        // ldr r0, [r1]; ldr r2, [r1, #4]; str r0, [r3]: 2 + 1 + 1 (the store follows a load), then bx lr 1 + 2
        List<BlockProfile> loads = List.of(new BlockProfile(0, HexFormat.of().parseHex("08684a6818607047"), 1, 0));
        assertThat(new CycleEstimator(CoreTiming.CORTEX_M4, FlashTiming.ZERO_WAIT, 100).estimate(loads).cycles())
                .isEqualTo(2 + 1 + 1 + 3);
    }
}
