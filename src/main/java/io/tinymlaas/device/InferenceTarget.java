package io.tinymlaas.device;

import io.tinymlaas.compile.CompiledModel;
import java.util.List;

/** Somewhere a compiled model is built and run: the x86 container, an emulated board. */
public interface InferenceTarget {

    String id();

    /** Builds the model for this target and runs one inference per input tensor. */
    TargetRun run(CompiledModel model, List<byte[]> inputs);
}
