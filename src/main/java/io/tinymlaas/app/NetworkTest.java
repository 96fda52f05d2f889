package io.tinymlaas.app;

import io.tinymlaas.compile.ArithmeticProfile;
import io.tinymlaas.compile.CompiledFile;
import io.tinymlaas.device.InferenceTarget;
import io.tinymlaas.lifecycle.NetworkTester;
import io.tinymlaas.lifecycle.NetworkTester.Inputs;
import io.tinymlaas.lifecycle.NetworkTester.Judge;
import io.tinymlaas.lifecycle.NetworkTester.Result;
import java.nio.file.Path;

/**
 * A user's model and inputs ready to run on a target and be judged: by the reference interpreter in the default
 * profile; where it rejects the model, or in another arithmetic profile ({@code profile}, e.g. TFLM's, which the
 * interpreter does not compute), by our x86 build of the same compiled model, as {@code judge} says.
 */
public record NetworkTest(CompiledFile model, Inputs inputs, InferenceTarget target, String targetId, Judge judge,
                          Path reportDirectory, ArithmeticProfile profile) {

    /** Float outputs pass within this relative difference of the reference's. */
    public static final double FLOAT_TOLERANCE = NetworkTester.FLOAT_TOLERANCE;

    /** Whether this run reproduces the interpreter's arithmetic (the default profile). */
    public boolean interpreterIsTheOracle() {
        return profile == ArithmeticProfile.TFLITE_2_6;
    }

    /** Outside the default profile on x86: the target is its own oracle, so only the interpreter's differences tell. */
    public boolean targetIsItsOwnOracle() {
        return !interpreterIsTheOracle() && judge.x86Build() == null;
    }

    /** Runs every input through the judge and on the target, compares, and writes report.json. */
    public Result run() {
        return NetworkTester.run(model, inputs, target, targetId, judge, reportDirectory);
    }

    /** A finished run's outputs against the TF Lite 2.6 interpreter's: how far this profile is from it. */
    public Result versusInterpreter(Result ours) {
        return NetworkTester.versusInterpreter(model, inputs, ours);
    }
}
