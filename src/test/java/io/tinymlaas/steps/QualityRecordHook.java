package io.tinymlaas.steps;

import io.cucumber.java.After;
import io.cucumber.java.Scenario;
import io.tinymlaas.registry.RegisteredModel;
import io.tinymlaas.report.Quality;

/**
 * Puts each judged model's quality into the Cucumber report, and rewrites target/cucumber/quality.md from the model
 * registry, so that a nightly run leaves the full profiles' figures against their goals on record.
 */
public class QualityRecordHook {

    private final World world;

    public QualityRecordHook(World world) {
        this.world = world;
    }

    @After
    public void recordQuality(Scenario scenario) {
        if (world.lifecycle() == null || !world.lifecycle().isRegistered()) {
            return;
        }
        RegisteredModel model = world.lifecycle().registered();
        for (Quality quality : model.quality()) {
            scenario.log(model.id() + ": " + quality);
        }
        world.tinyml.models(null).report(world.layout.output().getParent().resolve("cucumber").resolve("quality.md"));
    }
}
