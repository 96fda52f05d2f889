package io.tinymlaas.lifecycle;

import io.tinymlaas.core.TinymlException;
import io.tinymlaas.report.StageResult;
import io.tinymlaas.report.StageResult.Status;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** Runs stages in order, timing each, turning failures into results, and telling the listener as they finish. */
final class Stages {

    private final List<StageResult> results;
    private final Consumer<StageResult> listener;
    private final StagePlan plan;

    Stages(List<StageResult> results, Consumer<StageResult> listener, StagePlan plan) {
        this.results = results;
        this.listener = listener;
        this.plan = plan;
    }

    /** Runs a stage the plan includes and that is not cancelled; otherwise records it as skipped and says no. */
    boolean run(String name, Supplier<DryRun.Check> stage) {
        Optional<String> whyNot = plan.whyNotRun(name);
        if (whyNot.isPresent()) {
            skip(name, whyNot.get());
            return false;
        }
        long start = System.nanoTime();
        try {
            DryRun.Check check = stage.get();
            record(new StageResult(name, check.passed() ? Status.PASSED : Status.FAILED, seconds(start), check.detail()));
            return check.passed();
        } catch (TinymlException e) {
            fail(name, seconds(start), e.getMessage());
        } catch (RuntimeException e) {
            // A bug of ours rather than bad input: still reported, with the exception type to help the fix.
            fail(name, seconds(start), "internal error: " + e);
        }
        return false;
    }

    void fail(String name, double seconds, String reason) {
        record(new StageResult(name, Status.FAILED, seconds, reason));
    }

    /** A stage that cannot run for a reason known beforehand (e.g. no emulator for the board). */
    void skip(String name, String reason) {
        record(new StageResult(name, Status.SKIPPED, 0, reason));
    }

    /** Marks every stage that has not run as skipped, saying why; returns false so it can end a chain of stages. */
    boolean skipRest(List<String> all) {
        boolean failed = results.stream().anyMatch(r -> r.status() == Status.FAILED);
        for (String name : all) {
            if (results.stream().noneMatch(r -> r.name().equals(name))) {
                String reason = plan.includes(name) && failed ? "skipped after an earlier failure"
                        : plan.whyNotRun(name).orElse("skipped after an earlier failure");
                record(new StageResult(name, Status.SKIPPED, 0, reason));
            }
        }
        return false;
    }

    private void record(StageResult result) {
        results.add(result);
        listener.accept(result);
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
