package io.tinymlaas.compile;

import io.tinymlaas.core.TinymlException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Whose integer arithmetic the compiled model reproduces bit for bit. The two references round differently in a few
 * operators (README: TFLM-exact outputs), so a model compiled for one differs from the other by an LSB here and there.
 * The profile is chosen at compile time: the compiler prepares tables and multipliers the profile's way, and the
 * firmware is built with the profile's C defines, which select the kernels' rounding.
 */
public enum ArithmeticProfile {

    /** The TF Lite 2.6 interpreter: the default, checked on every run against the interpreter itself. */
    TFLITE_2_6("tflite-2.6", null),

    /** TensorFlow Lite Micro (commit 90b983c2), reference and CMSIS-NN kernels alike, built without single rounding. */
    TFLM("tflm", "TINYML_TFLM_ARITHMETIC");

    private final String cliName;
    private final String macro;

    ArithmeticProfile(String cliName, String macro) {
        this.cliName = cliName;
        this.macro = macro;
    }

    /** The name `--reference` takes. */
    public String cliName() {
        return cliName;
    }

    /** The preprocessor definitions (NAME=value) every C file of the firmware is compiled with. */
    public List<String> cDefines() {
        return macro == null ? List.of() : List.of(macro + "=1");
    }

    /** The macro the C sources test for this profile; null for the default, which defines none. */
    public String macro() {
        return macro;
    }

    public static ArithmeticProfile parse(String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(p -> p.cliName.equals(wanted)).findFirst()
                .orElseThrow(() -> new TinymlException("unknown --reference '" + name + "'; use "
                        + String.join(" or ", Arrays.stream(values()).map(ArithmeticProfile::cliName).toList())));
    }
}
