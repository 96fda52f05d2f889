package io.tinymlaas.app;

import java.nio.file.Path;

/**
 * A support request: can this model run on this board within these limits? Each limit is null when not asked.
 *
 * @param model       an example's name, or a .tflite file
 * @param assumptions the cost model's parameters for cycles per instruction, inferences per day and the battery; null:
 *                    the ones this project ships
 */
public record FeasibilityRequest(String model, String board, Double latencyMs, Double accuracy, Double batteryDays,
                                 Path assumptions) {
}
