package io.tinymlaas.device.cycles;

import static io.tinymlaas.device.cycles.InstructionClass.*;

import java.util.ArrayList;
import java.util.List;

/**
 * Sorts Thumb-2 (Armv7E-M, Armv8.1-M with Helium) encodings into timing classes, from the encoding tables of the
 * Armv7-M and Armv8-M Architecture Reference Manuals. It separates what the cores' cycle tables price differently and
 * nothing more: every data-processing encoding is {@link InstructionClass#ALU}.
 */
public final class ThumbDecoder {

    private ThumbDecoder() {
    }

    /** The instructions of a block of little-endian Thumb code, in order. */
    public static List<ThumbInstruction> decode(byte[] code) {
        List<ThumbInstruction> instructions = new ArrayList<>();
        int offset = 0;
        while (offset + 1 < code.length) {
            int first = halfword(code, offset);
            boolean wide = isWide(first);
            int second = wide && offset + 3 < code.length ? halfword(code, offset + 2) : 0;
            instructions.add(classify(first, second));
            offset += wide ? 4 : 2;
        }
        return instructions;
    }

    /** True when a halfword starts a 32-bit instruction (its top five bits are 11101, 11110 or 11111). */
    static boolean isWide(int first) {
        return (first >>> 11) >= 0b11101;
    }

    /** The class of one instruction: {@code second} is ignored for 16-bit encodings. */
    public static ThumbInstruction classify(int first, int second) {
        return isWide(first) ? wide(first, second) : narrow(first);
    }

    private static ThumbInstruction narrow(int hw) {
        int top6 = hw >>> 10;
        if (top6 == 0b010000) {
            return ThumbInstruction.of(2, ((hw >>> 6) & 0xF) == 0b1101 ? MUL : ALU);
        }
        if (top6 == 0b010001) {
            int op = (hw >>> 8) & 0b11;
            boolean toPc = ((hw >>> 4) & 0x8 | hw & 0x7) == 15 && (hw & 0x80) != 0;
            if (op == 0b11) {
                return new ThumbInstruction(2, BRANCH, 1, true); // BX, BLX: to a register
            }
            return op != 0b01 && toPc ? new ThumbInstruction(2, BRANCH, 1, true) : ThumbInstruction.of(2, ALU);
        }
        if ((hw >>> 11) == 0b01001) {
            return ThumbInstruction.of(2, LOAD); // LDR literal
        }
        if ((hw >>> 12) == 0b0101) {
            int op = (hw >>> 9) & 0b111;
            return ThumbInstruction.of(2, op < 3 ? STORE : LOAD);
        }
        if ((hw >>> 13) == 0b011 || (hw >>> 12) == 0b1000 || (hw >>> 12) == 0b1001) {
            return ThumbInstruction.of(2, (hw & 0x0800) != 0 ? LOAD : STORE);
        }
        if ((hw >>> 12) == 0b1011) {
            return miscellaneous(hw);
        }
        if ((hw >>> 11) == 0b11000) {
            return new ThumbInstruction(2, STORE_MULTIPLE, Integer.bitCount(hw & 0xFF), false);
        }
        if ((hw >>> 11) == 0b11001) {
            return new ThumbInstruction(2, LOAD_MULTIPLE, Integer.bitCount(hw & 0xFF), false);
        }
        if ((hw >>> 12) == 0b1101) {
            int cond = (hw >>> 8) & 0xF;
            return ThumbInstruction.of(2, cond == 0xF || cond == 0xE ? SYSTEM : BRANCH_CONDITIONAL);
        }
        if ((hw >>> 11) == 0b11100) {
            return ThumbInstruction.of(2, BRANCH);
        }
        return ThumbInstruction.of(2, ALU); // shifts, add/sub/mov/cmp immediate, ADR, ADD SP
    }

    private static ThumbInstruction miscellaneous(int hw) {
        if ((hw & 0xF500) == 0xB100) {
            return ThumbInstruction.of(2, BRANCH_CONDITIONAL); // CBZ, CBNZ
        }
        if ((hw & 0xFE00) == 0xB400) {
            return new ThumbInstruction(2, STORE_MULTIPLE, Integer.bitCount(hw & 0x1FF), false); // PUSH
        }
        if ((hw & 0xFE00) == 0xBC00) {
            return new ThumbInstruction(2, LOAD_MULTIPLE, Integer.bitCount(hw & 0x1FF), (hw & 0x100) != 0); // POP
        }
        if ((hw & 0xFF00) == 0xBF00) {
            return ThumbInstruction.of(2, (hw & 0xF) != 0 ? IT : ALU); // IT, or NOP and the other hints
        }
        if ((hw & 0xFF00) == 0xBE00) {
            return ThumbInstruction.of(2, SYSTEM); // BKPT
        }
        return ThumbInstruction.of(2, ALU); // ADD/SUB SP, extends, REV, CPS
    }

    private static ThumbInstruction wide(int hw1, int hw2) {
        int op1 = (hw1 >>> 11) & 0b11;
        if (op1 == 0b01) {
            if ((hw1 & 0x0400) != 0) {
                return coprocessor(hw1, hw2);
            }
            if ((hw1 & 0x0200) != 0) {
                return ThumbInstruction.of(4, ALU); // data processing, shifted register
            }
            return (hw1 & 0x0040) == 0 ? multiple(hw1, hw2) : dualOrTable(hw1, hw2);
        }
        if (op1 == 0b10) {
            return (hw2 & 0x8000) == 0 ? ThumbInstruction.of(4, ALU) : branchOrControl(hw1, hw2);
        }
        if ((hw1 & 0x0400) != 0) {
            return coprocessor(hw1, hw2);
        }
        if ((hw1 & 0x0600) == 0) {
            boolean load = (hw1 & 0x0010) != 0;
            boolean toPc = load && (hw2 >>> 12) == 0xF && ((hw1 >>> 5) & 0b11) == 0b10;
            return new ThumbInstruction(4, load ? LOAD : STORE, 1, toPc);
        }
        if ((hw1 & 0x0780) == 0x0300) {
            return multiply(hw1, hw2);
        }
        if ((hw1 & 0x0780) == 0x0380) {
            return longMultiplyOrDivide(hw1, hw2);
        }
        return dataProcessingRegister(hw1, hw2);
    }

    private static ThumbInstruction multiple(int hw1, int hw2) {
        boolean load = (hw1 & 0x0010) != 0;
        if (((hw1 >>> 7) & 0b11) == 0b00 || ((hw1 >>> 7) & 0b11) == 0b11) {
            return ThumbInstruction.of(4, SYSTEM); // SRS, RFE: not on M-profile
        }
        int words = Integer.bitCount(hw2 & 0xFFFF);
        return new ThumbInstruction(4, load ? LOAD_MULTIPLE : STORE_MULTIPLE, words, load && (hw2 & 0x8000) != 0);
    }

    /** Load/store dual or exclusive, and table branch: op1 = hw1[8:7], op2 = hw1[5:4] (Armv7-M ARM A5.3.6). */
    private static ThumbInstruction dualOrTable(int hw1, int hw2) {
        int op1 = (hw1 >>> 7) & 0b11;
        int op2 = (hw1 >>> 4) & 0b11;
        if (op1 == 0b01 && op2 == 0b01) {
            return ThumbInstruction.of(4, ((hw2 >>> 4) & 0xF) <= 1 ? TABLE_BRANCH : LOAD); // TBB, TBH; LDREXB/H
        }
        if (op1 == 0b00 && op2 <= 0b01 || op1 == 0b01 && op2 == 0b00) {
            return ThumbInstruction.of(4, op2 == 0b01 ? LOAD : STORE); // exclusives
        }
        return new ThumbInstruction(4, (op2 & 1) != 0 ? LOAD_MULTIPLE : STORE_MULTIPLE, 2, false); // LDRD, STRD
    }

    private static ThumbInstruction branchOrControl(int hw1, int hw2) {
        boolean link = (hw2 & 0x4000) != 0;
        boolean t4 = (hw2 & 0x1000) != 0;
        if (link && t4) {
            return ThumbInstruction.of(4, BRANCH); // BL
        }
        if (link) {
            return ThumbInstruction.of(4, LOOP); // Armv8.1-M LE, LETP, WLS, DLS (BLX immediate elsewhere)
        }
        if (t4) {
            return ThumbInstruction.of(4, BRANCH);
        }
        return ((hw1 >>> 7) & 0b111) == 0b111 ? ThumbInstruction.of(4, SYSTEM) : ThumbInstruction.of(4, BRANCH_CONDITIONAL);
    }

    private static ThumbInstruction multiply(int hw1, int hw2) {
        int op1 = (hw1 >>> 4) & 0b111;
        boolean accumulate = (hw2 >>> 12) != 0xF;
        if (op1 == 0b000 && ((hw2 >>> 4) & 0b11) == 0b01) {
            return ThumbInstruction.of(4, MAC); // MLS
        }
        return ThumbInstruction.of(4, accumulate ? MAC : MUL);
    }

    private static ThumbInstruction longMultiplyOrDivide(int hw1, int hw2) {
        int op1 = (hw1 >>> 4) & 0b111;
        if ((op1 == 0b001 || op1 == 0b011) && ((hw2 >>> 4) & 0xF) == 0xF) {
            return ThumbInstruction.of(4, DIVIDE);
        }
        return ThumbInstruction.of(4, MAC_LONG);
    }

    private static ThumbInstruction dataProcessingRegister(int hw1, int hw2) {
        if ((hw1 & 0xFF00) != 0xFA00 || (hw2 & 0xF000) != 0xF000) {
            return ThumbInstruction.of(4, ALU);
        }
        int op1 = (hw1 >>> 4) & 0xF;
        boolean bit7 = (hw2 & 0x0080) != 0;
        if (op1 >= 0b1000 && !bit7) {
            return ThumbInstruction.of(4, DSP_SIMD); // parallel add/subtract
        }
        if ((op1 == 0b0010 || op1 == 0b0011) && bit7) {
            return ThumbInstruction.of(4, DSP_SIMD); // SXTB16, SXTAB16, UXTB16, UXTAB16
        }
        return ThumbInstruction.of(4, ALU); // register shifts, extends, REV, CLZ, QADD, SEL
    }

    /** The coprocessor space: the FPU (coprocessors 10 and 11) and, on Armv8.1-M, Helium. */
    private static ThumbInstruction coprocessor(int hw1, int hw2) {
        boolean fpu = ((hw2 >>> 9) & 0b111) == 0b101 && (hw1 & 0xEF00) != 0xEF00;
        if (!fpu) {
            return helium(hw1, hw2);
        }
        if ((hw1 & 0xFE00) == 0xEC00) {
            return fpLoadStore(hw1, hw2);
        }
        if ((hw2 & 0x0010) != 0) {
            return ThumbInstruction.of(4, FP_TRANSFER);
        }
        int opc1 = (hw1 >>> 4) & 0b1011;
        return switch (opc1) {
            case 0b0000, 0b0001, 0b1001, 0b1010 -> ThumbInstruction.of(4, FP_MAC);
            case 0b1000 -> ThumbInstruction.of(4, FP_DIVIDE);
            case 0b1011 -> ThumbInstruction.of(4, (hw1 & 0xF) == 0b0001 && (hw2 & 0x00C0) == 0x00C0 ? FP_DIVIDE : FP_ALU);
            default -> ThumbInstruction.of(4, FP_ALU);
        };
    }

    private static ThumbInstruction fpLoadStore(int hw1, int hw2) {
        boolean load = (hw1 & 0x0010) != 0;
        if ((hw1 & 0xFFE0) == 0xEC40) {
            return ThumbInstruction.of(4, FP_TRANSFER); // VMOV of two core registers
        }
        boolean single = (hw1 & 0x0120) == 0x0100; // VLDR, VSTR: P = 1, W = 0
        if (single) {
            return ThumbInstruction.of(4, load ? FP_LOAD : FP_STORE);
        }
        int words = hw2 & 0xFF; // imm8 counts words for S and D registers alike
        return new ThumbInstruction(4, load ? FP_LOAD : FP_STORE, Math.max(1, words), false);
    }

    /**
     * Helium: contiguous loads and stores (VLDRB/H/W, VSTRB/H/W, coprocessor field 111x in the 0xEC/0xED/0xFC/0xFD
     * space) apart from everything else, which the dual-beat M55 prices alike.
     */
    private static ThumbInstruction helium(int hw1, int hw2) {
        if ((hw1 & 0xEE00) == 0xEC00 && ((hw2 >>> 9) & 0b111) == 0b111) {
            return ThumbInstruction.of(4, (hw1 & 0x0010) != 0 ? MVE_LOAD : MVE_STORE);
        }
        return ThumbInstruction.of(4, MVE_ALU);
    }

    private static int halfword(byte[] code, int offset) {
        return (code[offset] & 0xFF) | (code[offset + 1] & 0xFF) << 8;
    }
}
