/*
 * Reset: the lx106 core resets at its reset vector, 0x50000000, the start of its sysrom0 (QEMU's sim machine starts
 * there whatever the ELF entry says), so a jump to _start sits there. _start sets the stack pointer (a1; the lx106
 * has no register windows, so code uses the CALL0 ABI) and continues in C (../portable/reset.c).
 */
    .section .reset_vector, "ax"
    .global _reset_vector
_reset_vector:
    j       _start

    .text
    .literal_position
    .align  4
    .global _start
_start:
    movi    a1, __stack_top
    movi    a0, 0
    call0   tinyml_reset
1:  j       1b
