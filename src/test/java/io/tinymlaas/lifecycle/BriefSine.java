package io.tinymlaas.lifecycle;

import io.tinymlaas.data.Dataset;
import io.tinymlaas.data.SineDataset;
import io.tinymlaas.data.Split;
import io.tinymlaas.examples.Example;
import io.tinymlaas.examples.HelloWorld;
import io.tinymlaas.examples.ModelRecipe;
import io.tinymlaas.report.Quality;
import io.tinymlaas.train.TrainingConfig;
import java.util.List;
import java.util.Optional;

/** hello_world on 600 samples with a small network: a second or two per training, judged like hello_world. */
final class BriefSine implements Example {

    private final HelloWorld helloWorld = new HelloWorld();
    private final TrainingConfig training;

    BriefSine(TrainingConfig training) {
        this.training = training;
    }

    @Override
    public String name() {
        return "brief_sine";
    }

    @Override
    public String datasetName() {
        return "brief_sine";
    }

    @Override
    public Dataset collect() {
        Dataset sine = SineDataset.generate(600, 0.05, 42);
        return new Dataset("brief_sine", sine.recipe(), sine.train(), sine.validation(), sine.test());
    }

    @Override
    public ModelRecipe recipe() {
        return new ModelRecipe.DenseRegression(training);
    }

    @Override
    public List<Quality> judge(Split test, List<float[]> outputs) {
        return helloWorld.judge(test, outputs);
    }

    @Override
    public Optional<Truth> truth() {
        return helloWorld.truth();
    }
}
