package io.tinymlaas.device;

import io.tinymlaas.device.firmware.ProgramSize;
import java.util.List;

/**
 * What a target returned: one output tensor per input, in order; the instructions each inference took where
 * the target counts them (emulated boards; empty otherwise); the size of the built program; how it ran.
 */
public record TargetRun(List<byte[]> outputs, List<Long> instructions, ProgramSize size, String description) {
}
