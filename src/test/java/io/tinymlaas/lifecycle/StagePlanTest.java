package io.tinymlaas.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tinymlaas.core.TinymlException;
import io.tinymlaas.report.StageResult;
import io.tinymlaas.report.StageResult.Status;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class StagePlanTest {

    private static List<StageResult> stages(Status... statuses) {
        return java.util.stream.IntStream.range(0, statuses.length)
                .mapToObj(i -> new StageResult(DryRun.STAGES.get(i), statuses[i], 0, "")).toList();
    }

    @Test
    void aPipelineEndingAtConvertRunsTheStagesUpToItAndSaysWhyTheRestAreNot() {
        StagePlan plan = new StagePlan("convert", () -> false);

        assertThat(DryRun.STAGES.stream().filter(plan::includes)).containsExactly("collect", "train", "store", "convert");
        assertThat(plan.whyNotRun("train")).isEmpty();
        assertThat(plan.whyNotRun("compile")).contains("not in this pipeline, which ends at convert");
    }

    @Test
    void aCancelTakesEffectAtTheNextStage() {
        AtomicBoolean cancel = new AtomicBoolean();
        StagePlan plan = new StagePlan("compare", cancel::get);
        assertThat(plan.whyNotRun("train")).isEmpty();

        cancel.set(true);

        assertThat(plan.whyNotRun("train")).contains("cancelled before this stage");
    }

    @Test
    void aPrefixPassesWhenEveryPlannedStagePassedAndFailsWhenOneWasSkipped() {
        StagePlan plan = new StagePlan("store", () -> false);

        assertThat(plan.passed(stages(Status.PASSED, Status.PASSED, Status.PASSED, Status.SKIPPED, Status.SKIPPED))).isTrue();
        assertThat(plan.passed(stages(Status.PASSED, Status.PASSED, Status.SKIPPED, Status.SKIPPED))).isFalse();
        assertThat(plan.passed(stages(Status.PASSED, Status.FAILED, Status.SKIPPED))).isFalse();
    }

    @Test
    void anUnknownLastStageIsRefusedNamingTheStages() {
        assertThatThrownBy(() -> new StagePlan("flash-it", () -> false)).isInstanceOf(TinymlException.class)
                .hasMessage("no stage 'flash-it'; a pipeline ends at one of collect, train, store, convert, reference, compile, run, compare");
    }
}
