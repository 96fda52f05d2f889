package io.tinymlaas.report;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;
import java.util.Map;

/**
 * What a dry-run measured, one part per stage; a stage that did not run leaves its part null. In report.json the parts
 * are one flat object with snake_case names (flash_bytes, max_abs_diff_lsb …), the names bench files and tables use;
 * a classifier's held-out counts by class and a one-number model's outputs against the truth are objects of their own,
 * for the report's pictures.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunFigures(@JsonUnwrapped Data data, @JsonUnwrapped Training training, @JsonUnwrapped Stored stored,
                         @JsonUnwrapped Conversion conversion, List<Quality> quality, ConfusionMatrix confusion,
                         Predictions predictions, @JsonUnwrapped Compiled compiled,
                         @JsonUnwrapped Program program, @JsonUnwrapped Compared compared, String workDirectory,
                         List<String> emulators) {

    public record Samples(int train, int validation, int test) {
    }

    public record Data(String dataSha256, String dataVersion, String dataDirectory, Samples samples) {
    }

    /** The validation metrics (accuracy, mean error …) differ per example, so they are named by the trainer. */
    public record Training(long seed, int epochs, double finalTrainingLoss, List<Double> lossPerEpoch,
                           @JsonAnyGetter Map<String, Double> validationMetrics) {
    }

    public record Stored(String floatModelFile, String floatModelSha256, String modelId) {
    }

    public record Conversion(String modelFile, int modelBytes, String modelSha256, long multiplyAccumulates) {
    }

    public record Compiled(int arenaBytes, int constantBytes) {
    }

    /**
     * The program on the target: its sections, flash = text + data, RAM = data + bss, instructions where counted, and
     * for the inference with the most instructions the cycles estimated for the real board, their milliseconds at its
     * clock and the instructions by timing class, where estimated.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Program(long programTextBytes, long programDataBytes, long programBssBytes, long flashBytes, long ramBytes,
                          String ranOn, Long instructionsPerInference, Long instructionsPerInferenceMin,
                          Long estimatedCyclesPerInference, Double estimatedMsPerInference,
                          Map<String, Long> instructionClasses) {

        /** A program without a cycle estimate. */
        public Program(long programTextBytes, long programDataBytes, long programBssBytes, long flashBytes, long ramBytes,
                       String ranOn, Long instructionsPerInference, Long instructionsPerInferenceMin) {
            this(programTextBytes, programDataBytes, programBssBytes, flashBytes, ramBytes, ranOn, instructionsPerInference,
                    instructionsPerInferenceMin, null, null, null);
        }
    }

    public record Compared(int inputsCompared, int mismatchedInputs, int maxAbsDiffLsb, boolean bitIdentical) {
    }
}
