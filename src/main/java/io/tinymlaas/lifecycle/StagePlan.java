package io.tinymlaas.lifecycle;

import io.tinymlaas.core.TinymlException;
import io.tinymlaas.report.StageResult;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Which stages of a dry-run a pipeline runs (the stages up to its last one) and whether its owner has asked it to stop.
 * A run is checked against it before each stage, so a cancel takes effect at the next stage boundary.
 */
public record StagePlan(String lastStage, BooleanSupplier cancelled) {

    /** Every stage, never cancelled: the CTO's dry-run. */
    public static final StagePlan WHOLE = new StagePlan(DryRun.STAGES.get(DryRun.STAGES.size() - 1), () -> false);

    public StagePlan {
        if (!DryRun.STAGES.contains(lastStage)) {
            throw new TinymlException("no stage '" + lastStage + "'; a pipeline ends at one of " + String.join(", ", DryRun.STAGES));
        }
    }

    public boolean includes(String stage) {
        return DryRun.STAGES.indexOf(stage) <= DryRun.STAGES.indexOf(lastStage);
    }

    /** Why a stage is not run now (outside the plan, or cancelled), or empty when it runs. */
    Optional<String> whyNotRun(String stage) {
        if (!includes(stage)) {
            return Optional.of("not in this pipeline, which ends at " + lastStage);
        }
        return cancelled.getAsBoolean() ? Optional.of("cancelled before this stage") : Optional.empty();
    }

    /** A run passed when every stage it planned passed: a skipped planned stage (cancelled, no emulator) fails it. */
    boolean passed(List<StageResult> stages) {
        return stages.stream().filter(stage -> includes(stage.name())).allMatch(stage -> stage.status() == StageResult.Status.PASSED)
                && stages.stream().anyMatch(stage -> stage.name().equals(lastStage));
    }
}
