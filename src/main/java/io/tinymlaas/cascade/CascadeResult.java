package io.tinymlaas.cascade;

import io.tinymlaas.cost.CostAssumptions;
import io.tinymlaas.cost.CostEstimate;
import io.tinymlaas.cost.PerInference;
import java.util.List;

/**
 * The cascade of one example on one board, on the held-out samples: the device alone, the cloud alone and the cascade
 * at each threshold swept.
 *
 * @param deviceModel  the int8 model the device runs and where its answers come from
 * @param cloudModel   the float model the cloud runs, and {@code cloudModelFile} its weights and manifest
 * @param measured     the board's dry-run the device's time and energy rest on
 * @param perInference one inference on the device and one in the cloud, as the cost model prices them
 */
public record CascadeResult(String example, String board, int heldOutSamples, String deviceModel, String cloudModel,
                            String cloudModelFile, CostEstimate.Measured measured, PerInference perInference, CascadePoint deviceOnly,
                            CascadePoint cloudOnly, List<CascadePoint> sweep, CostAssumptions assumptions) {
}
