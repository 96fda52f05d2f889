package io.tinymlaas.device.cycles;

import java.util.Locale;

/** The timing classes a core's cycle table distinguishes; report.json names them in lower case. */
public enum InstructionClass {
    /** Data processing, moves, shifts, compares, extends, bit fields, saturation, hints. */
    ALU,
    /** IT: folded into the preceding 16-bit instruction where the core can. */
    IT,
    /** 32-bit product without accumulation (MUL, SMULxy, SMMUL, SMUAD). */
    MUL,
    /** Multiply-accumulate into 32 bits (MLA, MLS, SMLAxy, SMLAD, SMMLA, USADA8). */
    MAC,
    /** 64-bit products and accumulations (SMULL, UMULL, SMLAL, SMLALD, UMAAL). */
    MAC_LONG,
    /** Packed 8- and 16-bit arithmetic (SADD8, QADD16, SHSUB8 …) and SXTB16/SXTAB16. */
    DSP_SIMD,
    DIVIDE,
    LOAD,
    STORE,
    /** LDM, POP, LDRD: {@link ThumbInstruction#registers()} words. */
    LOAD_MULTIPLE,
    /** STM, PUSH, STRD. */
    STORE_MULTIPLE,
    BRANCH,
    BRANCH_CONDITIONAL,
    /** TBB, TBH. */
    TABLE_BRANCH,
    /** Armv8.1-M low-overhead loops: LE, LETP, WLS, DLS. */
    LOOP,
    FP_ALU,
    /** VMLA, VMLS, VNMLA, VFMA, VFMS. */
    FP_MAC,
    /** VDIV, VSQRT. */
    FP_DIVIDE,
    FP_LOAD,
    FP_STORE,
    /** VMOV between core and FP registers, VMRS, VMSR. */
    FP_TRANSFER,
    /** Helium (MVE) loads and stores of a whole vector. */
    MVE_LOAD,
    MVE_STORE,
    /** Every other Helium instruction (arithmetic, multiply-accumulate, moves, VPT/VPST). */
    MVE_ALU,
    /** Barriers, system-register access, breakpoints, SVC. */
    SYSTEM;

    /** The name used in report.json and bench files. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
