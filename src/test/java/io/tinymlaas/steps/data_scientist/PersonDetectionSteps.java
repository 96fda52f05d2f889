package io.tinymlaas.steps.data_scientist;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.tinymlaas.compile.CompiledModel;
import io.tinymlaas.data.Dataset;
import io.tinymlaas.data.PersonClass;
import io.tinymlaas.data.PersonImages;
import io.tinymlaas.data.Split;
import io.tinymlaas.data.StoredDataset;
import io.tinymlaas.device.TargetRun;
import io.tinymlaas.examples.PersonDetection;
import io.tinymlaas.registry.StoredModel;
import io.tinymlaas.report.Quality;
import io.tinymlaas.steps.World;
import io.tinymlaas.tflite.MultiplyAccumulates;
import io.tinymlaas.tflite.TfliteModel;
import io.tinymlaas.train.ConvTrainingResult;
import java.util.List;

public class PersonDetectionSteps {

    private final World world;
    private StoredDataset data;
    private ConvTrainingResult training;
    private StoredModel stored;
    private TfliteModel converted;
    private List<Quality> int8Quality;
    private CompiledModel compiled;
    private TargetRun run;

    public PersonDetectionSteps(World world) {
        this.world = world;
    }

    @Given("scikit-image's LFW faces and non-faces are collected as 96x96 grayscale views and labelled person or no_person")
    public void collect() {
        data = world.lifecycle(PersonDetection.NAME).collect();
        assertThat(data.dataset().train().inputs()[0]).hasSize(PersonImages.SIDE * PersonImages.SIDE);
        assertThat(data.dataset().labels().classes()).containsExactly("person", "no_person");
    }

    @Then("the image data set is stored with a content hash, its source and licence, split by source image")
    public void stored() {
        Dataset dataset = data.dataset();
        assertThat(data.contentHash()).matches("[0-9a-f]{64}");
        assertThat(data.directory().resolve("manifest.json")).content().contains("lfw_subset", "\"licence\"");
        assertThat(data.directory().resolve("test.images.npy")).isRegularFile();
        assertThat(data.directory().resolve("labels.csv")).content().contains("test/0,person", "test/1,no_person");
        assertThat(dataset.recipe()).contains("split by source crop");
        for (Split split : List.of(dataset.train(), dataset.validation(), dataset.test())) {
            int[] perClass = new int[PersonClass.values().length];
            for (float[] target : split.targets()) {
                perClass[PersonClass.of(target).ordinal()]++;
            }
            assertThat(perClass).containsOnly(split.size() / perClass.length);
        }
    }

    @When("the person CNN with depthwise separable blocks is trained with TensorFlow")
    public void train() {
        training = (ConvTrainingResult) world.lifecycle().train();
        assertThat(training.network().separable()).isNotEmpty();
    }

    @Then("the person CNN's cross-entropy went down and its validation accuracy is above {int}%")
    public void learned(int percent) {
        ClassifierChecks.learned(training, percent / 100.0);
    }

    @When("the trained person model is stored")
    public void store() {
        stored = world.lifecycle().store();
    }

    @Then("the person model's manifest names the data's content hash and the training metrics")
    public void manifest() {
        ClassifierChecks.manifestNamesDataAndMetrics(stored, data, training);
    }

    @When("the person model is converted to an int8 .tflite file with per-channel depthwise and pointwise convolutions")
    public void convert() {
        converted = ClassifierChecks.readConverted(world.lifecycle().convert(), "CONV_2D",
                "DEPTHWISE_CONV_2D", "CONV_2D", "DEPTHWISE_CONV_2D", "CONV_2D", "DEPTHWISE_CONV_2D", "CONV_2D",
                "DEPTHWISE_CONV_2D", "CONV_2D", "AVERAGE_POOL_2D", "RESHAPE", "FULLY_CONNECTED", "SOFTMAX");
    }

    @Then("one inference takes at most {int} multiply-accumulates")
    public void multiplyAccumulates(int most) {
        assertThat(MultiplyAccumulates.count(converted)).isPositive().isLessThanOrEqualTo(most);
    }

    @Then("the reference interpreter's accuracy on the held-out test images meets the goal of at least {int}%")
    public void referenceAccuracy(int percent) {
        int8Quality = ClassifierChecks.referenceAccuracy(world.lifecycle(), percent);
    }

    @Then("the person model's int8 accuracy is within {int} percentage points of its float accuracy")
    public void quantizationCost(int points) {
        ClassifierChecks.int8WithinPointsOfFloat(world.lifecycle(), int8Quality, points);
    }

    @When("the person model is compiled ahead of time to C")
    public void compile() {
        compiled = world.lifecycle().compile();
    }

    @Then("its activation arena needs at most {int} bytes")
    public void arena(int most) {
        assertThat(compiled.plan().arenaBytes()).isPositive().isLessThanOrEqualTo(most);
    }

    @When("the compiled person model runs in the x86 container on every test image")
    public void runInContainer() {
        run = ClassifierChecks.runInX86Container(world, PersonDetection.NAME);
    }

    @Then("at least {int} test images were classified there")
    public void imagesClassified(int count) {
        assertThat(run.outputs()).hasSizeGreaterThanOrEqualTo(count);
        assertThat(run.outputs()).allSatisfy(output -> assertThat(output).hasSize(PersonClass.values().length));
    }

    @Then("every image's int8 output is bit-identical to the reference interpreter's")
    public void bitIdentical() {
        ClassifierChecks.bitIdentical(world.lifecycle(), run);
    }
}
