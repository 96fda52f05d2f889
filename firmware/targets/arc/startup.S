/*
 * ARCv2 EM reset: the interrupt vector table starts the image (entry 0 is the reset address, the rest are
 * exceptions, which spin: the host then reports an inference that did not finish). _start sets the stack
 * pointer and continues in C (../portable/reset.c).
 */
    .section .vectors, "a"
    .align  4
    .global _vectors
_vectors:
    .word   _start
    .rept   15
    .word   _spin
    .endr

    .text
    .align  4
    .global _start
_start:
    mov     sp, __stack_top
    jl      tinyml_reset
_spin:
    b       _spin
