package io.tinymlaas.device.cycles;

import java.util.Map;

/**
 * The estimated cycles of one inference on the real board, with the instructions they come from.
 *
 * @param instructions  instructions the emulator executed in the inference
 * @param cycles        cycles on the board's core at its clock, flash wait states included
 * @param milliseconds  {@code cycles} at the board's clock
 * @param classes       instructions by timing class ({@link InstructionClass#key()})
 * @param takenBranches branches that went elsewhere than the next instruction
 */
public record CycleEstimate(long instructions, long cycles, double milliseconds, Map<String, Long> classes,
                            long takenBranches) {
}
