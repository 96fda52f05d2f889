package io.tinymlaas.app;

import io.tinymlaas.compile.ArithmeticProfile;
import io.tinymlaas.compile.CompiledFile;
import io.tinymlaas.device.InferenceTarget;
import io.tinymlaas.lifecycle.NetworkTester;
import io.tinymlaas.lifecycle.NetworkTester.Inputs;
import io.tinymlaas.lifecycle.NetworkTester.Result;
import java.nio.file.Path;

/**
 * A user's model and inputs ready to run on a target and be compared with the reference: the TF Lite 2.6 interpreter
 * in the default profile; in another ({@code profile}), our x86 build of the same compiled model ({@code oracle}; null
 * when the target is x86 itself), since the interpreter computes differently there.
 */
public record NetworkTest(CompiledFile model, Inputs inputs, InferenceTarget target, String targetId, Path reportDirectory,
                          ArithmeticProfile profile, InferenceTarget oracle) {

    /** Float outputs pass within this relative difference of the reference's. */
    public static final double FLOAT_TOLERANCE = NetworkTester.FLOAT_TOLERANCE;

    public NetworkTest(CompiledFile model, Inputs inputs, InferenceTarget target, String targetId, Path reportDirectory) {
        this(model, inputs, target, targetId, reportDirectory, ArithmeticProfile.TFLITE_2_6, null);
    }

    /** Whether the reference is the interpreter (the default profile) or our x86 build in the same profile. */
    public boolean interpreterIsTheOracle() {
        return profile == ArithmeticProfile.TFLITE_2_6;
    }

    /** Outside the default profile on x86: the target is its own oracle, so only the interpreter's differences tell. */
    public boolean targetIsItsOwnOracle() {
        return !interpreterIsTheOracle() && oracle == null;
    }

    /** Runs every input on the target and through the reference, compares, and writes report.json. */
    public Result run() {
        return interpreterIsTheOracle() ? NetworkTester.run(model, inputs, target, targetId, reportDirectory)
                : NetworkTester.runAgainst(model, inputs, target, targetId, reportDirectory, oracle);
    }

    /** A finished run's outputs against the TF Lite 2.6 interpreter's: how far this profile is from it. */
    public Result versusInterpreter(Result ours) {
        return NetworkTester.versusInterpreter(model, inputs, ours);
    }
}
