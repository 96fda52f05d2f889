package io.tinymlaas.steps;

import io.tinymlaas.app.Tinyml;
import io.tinymlaas.core.ProjectLayout;
import io.tinymlaas.examples.Examples;
import io.tinymlaas.lifecycle.Lifecycle;
import java.nio.file.Path;

/** Per-scenario state shared by the step classes (injected by cucumber-picocontainer). */
public class World {

    public final Tinyml tinyml = Tinyml.forThisProject();
    public final ProjectLayout layout = tinyml.layout();
    private Lifecycle lifecycle;

    public Lifecycle lifecycle(String example) {
        if (lifecycle == null) {
            Path work = layout.output().resolve("acceptance").resolve(example + "-" + System.nanoTime());
            lifecycle = tinyml.lifecycle(example, work);
        }
        return lifecycle;
    }

    public Lifecycle lifecycle() {
        return lifecycle;
    }
}
