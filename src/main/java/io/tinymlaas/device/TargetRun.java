package io.tinymlaas.device;

import io.tinymlaas.device.cycles.CycleEstimate;
import io.tinymlaas.device.firmware.ProgramSize;
import java.util.List;

/**
 * What a target returned: one output tensor per input, in order; the instructions each inference took where
 * the target counts them (emulated boards; empty otherwise); the size of the built program; how it ran; and each
 * inference's cycle estimate for the real board where one was asked for (empty otherwise).
 */
public record TargetRun(List<byte[]> outputs, List<Long> instructions, ProgramSize size, String description,
                        List<CycleEstimate> estimates) {

    public TargetRun {
        estimates = List.copyOf(estimates);
    }

    /** A run without cycle estimates. */
    public TargetRun(List<byte[]> outputs, List<Long> instructions, ProgramSize size, String description) {
        this(outputs, instructions, size, description, List.of());
    }
}
