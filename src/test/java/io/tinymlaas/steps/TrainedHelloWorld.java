package io.tinymlaas.steps;

import io.tinymlaas.app.Tinyml;
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

    public static synchronized Lifecycle get(Tinyml tinyml) {
        if (lifecycle == null) {
            Lifecycle fresh = tinyml.lifecycle("hello_world",
                    tinyml.layout().output().resolve("acceptance").resolve("hello_world-boards-" + System.nanoTime()));
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
