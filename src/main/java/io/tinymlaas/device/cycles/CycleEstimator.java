package io.tinymlaas.device.cycles;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Weighs an inference's block profile with a core's timings and a board's flash wait states at its clock. */
public final class CycleEstimator {

    private final CoreTiming timing;
    private final FlashTiming flash;
    private final int clockMhz;

    public CycleEstimator(CoreTiming timing, FlashTiming flash, int clockMhz) {
        this.timing = timing;
        this.flash = flash;
        this.clockMhz = clockMhz;
    }

    public CycleEstimate estimate(List<BlockProfile> blocks) {
        Map<InstructionClass, Long> classes = new EnumMap<>(InstructionClass.class);
        long instructions = 0;
        long taken = 0;
        double cycles = 0;
        for (BlockProfile block : blocks) {
            List<ThumbInstruction> code = ThumbDecoder.decode(block.code());
            long branched = branches(code) ? block.taken() : 0;
            cycles += branched * timing.blockCycles(code, true)
                    + (block.executions() - branched) * timing.blockCycles(code, false)
                    + (double) branched * flash.branchPenalty();
            for (ThumbInstruction insn : code) {
                classes.merge(insn.kind(), block.executions(), Long::sum);
            }
            instructions += code.size() * block.executions();
            taken += branched;
        }
        Map<String, Long> named = new LinkedHashMap<>();
        classes.forEach((kind, count) -> named.put(kind.key(), count));
        long rounded = Math.round(cycles);
        return new CycleEstimate(instructions, rounded, rounded / (clockMhz * 1000.0), named, taken);
    }

    /** Whether the block ends in an instruction that can send execution elsewhere (else "taken" was an interrupt). */
    private static boolean branches(List<ThumbInstruction> code) {
        if (code.isEmpty()) {
            return false;
        }
        ThumbInstruction last = code.get(code.size() - 1);
        return last.writesPc() || switch (last.kind()) {
            case BRANCH, BRANCH_CONDITIONAL, TABLE_BRANCH, LOOP -> true;
            default -> false;
        };
    }
}
