package io.tinymlaas.device.cycles;

import java.util.List;
import java.util.Optional;

/**
 * A core's cycles per instruction at zero wait states, by timing class. {@code previous} is the instruction before it
 * in the same translation block (null at a block's start), for the pairings the manuals describe; {@code taken} says
 * whether a branch went elsewhere than the next instruction.
 */
public enum CoreTiming {

    /**
     * Cortex-M4 Technical Reference Manual r0p1, Table 3-1 (integer) and Table 7-1 (FPU). P, the pipeline refill, is
     * 1 to 3 cycles there, "depending on the alignment and width of the target instruction, and whether the processor
     * manages to speculate the address early": taken as 1 where the target is in the instruction (B, BL, CBZ, B&lt;c&gt;)
     * and 2 where it comes from a register or memory (BX, POP {pc}, TBB); a load (or store) right after a load completes in one cycle
     * (§3.3.2, "neighboring load and store single instructions can pipeline"); IT folds into a preceding 16-bit
     * instruction; SDIV/UDIV take 2 to 12 cycles, taken as 7.
     */
    CORTEX_M4("cortex-m4") {
        @Override
        double cycles(ThumbInstruction insn, ThumbInstruction previous, boolean taken) {
            int p = insn.writesPc() || insn.kind() == InstructionClass.TABLE_BRANCH ? M4_INDIRECT_REFILL : M4_DIRECT_REFILL;
            boolean afterLoad = previous != null && previous.kind() == InstructionClass.LOAD && !previous.writesPc();
            return switch (insn.kind()) {
                case IT -> previous != null && previous.size() == 2 ? 0 : 1;
                case ALU -> insn.writesPc() ? 1 + p : 1;
                case MUL, MAC, MAC_LONG, DSP_SIMD, FP_ALU, FP_TRANSFER -> 1;
                case DIVIDE -> 7;
                case LOAD -> insn.writesPc() ? 2 + p : afterLoad ? 1 : 2;
                case STORE -> afterLoad ? 1 : 2;
                case LOAD_MULTIPLE -> 1 + insn.registers() + (insn.writesPc() ? p : 0);
                case STORE_MULTIPLE -> 1 + insn.registers();
                case BRANCH -> 1 + p;
                case BRANCH_CONDITIONAL, LOOP -> taken ? 1 + p : 1;
                case TABLE_BRANCH -> 2 + p;
                case FP_MAC -> 3;
                case FP_DIVIDE -> 14;
                case FP_LOAD, FP_STORE -> insn.registers() == 1 ? 2 : 1 + insn.registers();
                case MVE_LOAD, MVE_STORE, MVE_ALU, SYSTEM -> 2;
            };
        }
    },

    /**
     * Cortex-M7: its Technical Reference Manual publishes no cycle table, only the structure: six stages, two issue
     * slots (one for a load or store, one multiply, one FPU operation a cycle), a 64-bit memory interface and a branch
     * predictor. So this is a model, not a table: an instruction issues with the one before it in the block when
     * their kinds do not compete for a unit (it then costs nothing), loads pipeline at one a cycle, LDM/STM move two
     * words a cycle, predicted branches cost one cycle. Validated only against CoreMark (see the README).
     */
    CORTEX_M7("cortex-m7") {
        @Override
        double cycles(ThumbInstruction insn, ThumbInstruction previous, boolean taken) {
            return switch (insn.kind()) {
                case IT -> 0;
                case ALU, DSP_SIMD, MUL, MAC, MAC_LONG, LOAD, STORE, FP_ALU, FP_TRANSFER, FP_LOAD, FP_STORE ->
                        insn.writesPc() ? 2 : dualIssues(insn, previous) ? 0 : 1;
                case DIVIDE -> 7;
                case LOAD_MULTIPLE, STORE_MULTIPLE -> 1 + (insn.registers() + 1) / 2 + (insn.writesPc() ? 1 : 0);
                case BRANCH, BRANCH_CONDITIONAL, LOOP, TABLE_BRANCH -> 1;
                case FP_MAC -> 1;
                case FP_DIVIDE -> 14;
                case MVE_LOAD, MVE_STORE, MVE_ALU, SYSTEM -> 2;
            };
        }
    },

    /**
     * Cortex-M55: a four-stage in-order scalar pipeline and a dual-beat Helium unit: a 128-bit vector instruction is
     * four beats, two a cycle, and two vector instructions that use different units (memory and arithmetic) overlap
     * by a cycle (Arm's Cortex-M55 Software Optimization Guide, from memory: UNVERIFIED). Scalar timings as the M4's
     * with single-cycle loads and stores, a taken branch 2 cycles and the low-overhead loop's LE 1 cycle.
     */
    CORTEX_M55("cortex-m55") {
        @Override
        double cycles(ThumbInstruction insn, ThumbInstruction previous, boolean taken) {
            return switch (insn.kind()) {
                case IT -> previous != null && previous.size() == 2 ? 0 : 1;
                case ALU -> insn.writesPc() ? 2 : 1;
                case MUL, MAC, MAC_LONG, DSP_SIMD, FP_ALU, FP_TRANSFER, LOAD, STORE, LOOP, SYSTEM -> 1;
                case DIVIDE -> 7;
                case LOAD_MULTIPLE -> insn.registers() + (insn.writesPc() ? 2 : 0);
                case STORE_MULTIPLE -> insn.registers();
                case BRANCH, TABLE_BRANCH -> 2;
                case BRANCH_CONDITIONAL -> taken ? 2 : 1;
                case FP_MAC -> 2;
                case FP_DIVIDE -> 14;
                case FP_LOAD, FP_STORE -> insn.registers();
                case MVE_LOAD, MVE_STORE, MVE_ALU -> overlaps(insn, previous) ? 1 : 2;
            };
        }
    };

    /** P of the Cortex-M4 manual after a branch whose target the fetch unit can speculate from the instruction. */
    static final int M4_DIRECT_REFILL = 1;
    /** P after a branch to an address from a register or memory, which cannot be speculated before execute. */
    static final int M4_INDIRECT_REFILL = 2;

    private final String core;

    CoreTiming(String core) {
        this.core = core;
    }

    abstract double cycles(ThumbInstruction insn, ThumbInstruction previous, boolean taken);

    /**
     * The cycles of one pass through a block whose last instruction branched away ({@code taken}) or fell through. An
     * instruction that cost nothing (folded or dual-issued) leaves no partner for the next one.
     */
    public double blockCycles(List<ThumbInstruction> block, boolean taken) {
        double total = 0;
        ThumbInstruction previous = null;
        for (int i = 0; i < block.size(); i++) {
            ThumbInstruction insn = block.get(i);
            double cycles = cycles(insn, previous, taken && i == block.size() - 1);
            total += cycles;
            previous = cycles == 0 ? null : insn;
        }
        return total;
    }

    /** The timing of a board's core ({@code cortex-m4} …), if there is one. */
    public static Optional<CoreTiming> forCore(String core) {
        for (CoreTiming timing : values()) {
            if (timing.core.equals(core)) {
                return Optional.of(timing);
            }
        }
        return Optional.empty();
    }

    public String core() {
        return core;
    }

    private static boolean dualIssues(ThumbInstruction insn, ThumbInstruction previous) {
        if (previous == null) {
            return false;
        }
        return unit(insn) != unit(previous) || unit(insn) == Unit.ALU;
    }

    private enum Unit { ALU, MEMORY, MULTIPLY, FLOAT, OTHER }

    private static Unit unit(ThumbInstruction insn) {
        return switch (insn.kind()) {
            case ALU, DSP_SIMD, IT -> Unit.ALU;
            case LOAD, STORE, FP_LOAD, FP_STORE, LOAD_MULTIPLE, STORE_MULTIPLE -> Unit.MEMORY;
            case MUL, MAC, MAC_LONG, DIVIDE -> Unit.MULTIPLY;
            case FP_ALU, FP_MAC, FP_DIVIDE, FP_TRANSFER -> Unit.FLOAT;
            default -> Unit.OTHER;
        };
    }

    private static boolean overlaps(ThumbInstruction insn, ThumbInstruction previous) {
        if (previous == null) {
            return false;
        }
        boolean memory = insn.kind() != InstructionClass.MVE_ALU;
        boolean previousMemory = previous.kind() == InstructionClass.MVE_LOAD || previous.kind() == InstructionClass.MVE_STORE;
        boolean previousVector = previousMemory || previous.kind() == InstructionClass.MVE_ALU;
        return previousVector && memory != previousMemory;
    }
}
