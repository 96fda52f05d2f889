package io.tinymlaas.target;

import java.util.List;

/** What a target returned: one output tensor per input, in order, and the size of the built program. */
public record TargetRun(List<byte[]> outputs, ProgramSize size, String buildLog) {
}
