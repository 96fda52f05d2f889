package io.tinymlaas.device.cycles;

/**
 * What instruction fetches from the board's flash cost at its clock: {@code waitStates} per access, and whether a
 * cache or prefetch accelerator serves the fetches after a taken branch. The estimate charges the wait states to
 * every taken branch without one, nothing with one (inference loops are small enough to stay cached); reads of
 * weights from flash are not modelled.
 */
public record FlashTiming(int waitStates, boolean cache) {

    public static final FlashTiming ZERO_WAIT = new FlashTiming(0, false);

    /** Extra cycles per taken branch. */
    public int branchPenalty() {
        return cache ? 0 : waitStates;
    }
}
