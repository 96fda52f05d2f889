package io.tinymlaas.cli;

import io.tinymlaas.report.StageResult;
import java.io.PrintWriter;
import java.util.function.Consumer;

/** Prints each stage as it finishes: name, time, result and what it found. */
final class StagePrinter implements Consumer<StageResult> {

    private final PrintWriter out;

    StagePrinter(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void accept(StageResult stage) {
        out.printf("%-10s %7.2f s  %-7s %s%n", stage.name(), stage.seconds(), stage.status(), stage.detail());
        out.flush();
    }
}
