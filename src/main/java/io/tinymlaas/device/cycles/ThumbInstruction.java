package io.tinymlaas.device.cycles;

/**
 * One decoded Thumb-2 instruction, as far as timing needs it.
 *
 * @param size      2 or 4 bytes
 * @param kind      its timing class
 * @param registers words moved by LDM/STM/PUSH/POP/LDRD/STRD and VLDM/VSTM/VPUSH/VPOP; 1 otherwise
 * @param writesPc  the target comes from a register or memory: BX, BLX, POP {pc}, a load, move or add to the PC
 */
public record ThumbInstruction(int size, InstructionClass kind, int registers, boolean writesPc) {

    static ThumbInstruction of(int size, InstructionClass kind) {
        return new ThumbInstruction(size, kind, 1, false);
    }
}
