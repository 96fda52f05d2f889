/**
 * Cycle estimates for board runs: the emulator's profile of the blocks an inference executed (a QEMU plugin), each
 * Thumb-2 instruction sorted into a timing class, weighted with the core's documented cycle timings and the board's
 * flash wait states.
 */
package io.tinymlaas.device.cycles;
