package io.tinymlaas.app;

/**
 * A support request sent to the service: can {@code model} run on {@code board} within these limits? Each limit is null
 * when not asked.
 *
 * @param model       an example's name, or the id of a model version in the registry
 * @param assumptions the cost model's parameters as YAML text (cycles per instruction, inferences a day, the battery);
 *                    null: the ones this project ships
 */
public record FeasibilityQuestion(String model, String board, Double latencyMs, Double accuracy, Double batteryDays,
                                  String assumptions) {
}
