package io.tinymlaas.app;

import io.tinymlaas.compile.CompiledFile;
import io.tinymlaas.device.InferenceTarget;
import io.tinymlaas.lifecycle.NetworkTester;
import io.tinymlaas.lifecycle.NetworkTester.Inputs;
import io.tinymlaas.lifecycle.NetworkTester.Judge;
import io.tinymlaas.lifecycle.NetworkTester.Result;
import java.nio.file.Path;

/**
 * A user's model and inputs ready to run on a target and be judged: by the reference interpreter, or, where it rejects
 * the model, as {@code judge} says.
 */
public record NetworkTest(CompiledFile model, Inputs inputs, InferenceTarget target, String targetId, Judge judge,
                          Path reportDirectory) {

    /** Float outputs pass within this relative difference of the reference's. */
    public static final double FLOAT_TOLERANCE = NetworkTester.FLOAT_TOLERANCE;

    /** Runs every input through the judge and on the target, compares, and writes report.json. */
    public Result run() {
        return NetworkTester.run(model, inputs, target, targetId, judge, reportDirectory);
    }
}
