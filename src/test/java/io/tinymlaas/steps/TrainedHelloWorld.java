package io.tinymlaas.steps;

import io.tinymlaas.core.ProjectLayout;
import io.tinymlaas.examples.Examples;
import io.tinymlaas.lifecycle.Lifecycle;
import io.tinymlaas.report.Quality;

/**
 * hello_world trained, converted, checked and compiled once per test run: the board scenarios each need the
 * same model, and training it once per board would multiply the run time without testing anything more.
 */
public final class TrainedHelloWorld {

    private static Lifecycle lifecycle;

    private TrainedHelloWorld() {
    }

    public static synchronized Lifecycle get(ProjectLayout layout) {
        if (lifecycle == null) {
            Lifecycle fresh = new Lifecycle(Examples.byName("hello_world"),
                    layout.output().resolve("acceptance").resolve("hello_world-boards-" + System.nanoTime()),
                    layout.datasets());
            fresh.collect();
            fresh.train();
            fresh.convert();
            if (!fresh.checkWithReference().stream().allMatch(Quality::passed)) {
                throw new IllegalStateException("the trained hello_world model misses its quality goal");
            }
            fresh.compile();
            lifecycle = fresh;
        }
        return lifecycle;
    }
}
