package io.tinymlaas.app;

import io.tinymlaas.compile.ArithmeticProfile;
import java.util.List;

/**
 * Which example runs where, and on what: {@code targets} are x86, board ids or "all"; {@code dataVersion} (null: collect
 * afresh) a stored version of the example's data; {@code seed} (null: the example's own) the training seed;
 * {@code profile} whose arithmetic the compiled model reproduces (README: TFLM-exact outputs).
 */
public record RunRequest(String example, List<String> targets, String dataVersion, Long seed, ArithmeticProfile profile) {

    public RunRequest {
        targets = List.copyOf(targets);
    }

    /** A request in the default profile, TF Lite 2.6's arithmetic. */
    public RunRequest(String example, List<String> targets, String dataVersion, Long seed) {
        this(example, targets, dataVersion, seed, ArithmeticProfile.TFLITE_2_6);
    }

    public static RunRequest of(String example, String... targets) {
        return new RunRequest(example, List.of(targets), null, null);
    }
}
