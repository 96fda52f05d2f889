package io.tinymlaas.device.emulator;

import io.tinymlaas.device.board.Board;
import io.tinymlaas.device.board.Device;

/**
 * How firmware must be built to run on an emulated board: the core's compiler flags, where code and RAM
 * are on the emulated machine, the console UART's base address and how SysTick ticks relate to executed
 * instructions there, and the NVIC line of the UART's receive interrupt (which wakes the core from WFI). Flash and RAM lengths come from the real board, so a too-big model fails to link.
 * The frame buffer is where the emulator can load a batch of inputs before boot ({@link FrameBuffer#NONE} if it cannot).
 */
public record BuildProfile(String cpu, String fpuFlags, long flashOrigin, long flashLength, long ramOrigin, long ramLength,
                           long uartBase, int uartRxIrq, int insnsPerTick, int insnsPerTickDenominator,
                           FrameBuffer frameBuffer) {

    /**
     * The real board's layout (its descriptor's {@code device}): the application's flash after the bootloader and its RAM,
     * the family's console UART. The family drivers poll, so no receive interrupt line is needed; the DWT counts cycles on
     * silicon, one per "tick"; no frame buffer.
     *
     * @throws EmulatorException when the descriptor has no family, so no firmware for the real board exists
     */
    public static BuildProfile forDevice(Board board) {
        Device device = board.device();
        if (board.family() == null || device == null) {
            throw new EmulatorException(board.id() + " has no MCU family with a firmware driver (family and device in boards/"
                    + board.id() + ".yaml), so no firmware for the real board can be built");
        }
        return new BuildProfile(board.core(), board.family().fpuFlags(), device.flashOrigin(), device.flashBytes(),
                device.ramOrigin(), device.ramBytes(), device.console().base(), 0, 1, 1, FrameBuffer.NONE);
    }
}
