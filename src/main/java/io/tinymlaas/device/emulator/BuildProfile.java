package io.tinymlaas.device.emulator;

/**
 * How firmware must be built to run on an emulated board: the core's compiler flags, where code and RAM
 * are on the emulated machine, the console UART's base address and how SysTick ticks relate to executed
 * instructions there, and the NVIC line of the UART's receive interrupt (which wakes the core from WFI). Flash and RAM lengths come from the real board, so a too-big model fails to link.
 * The frame buffer is where the emulator can load a batch of inputs before boot ({@link FrameBuffer#NONE} if it cannot).
 */
public record BuildProfile(String cpu, String fpuFlags, long flashOrigin, long flashLength, long ramOrigin, long ramLength,
                           long uartBase, int uartRxIrq, int insnsPerTick, int insnsPerTickDenominator,
                           FrameBuffer frameBuffer) {
}
