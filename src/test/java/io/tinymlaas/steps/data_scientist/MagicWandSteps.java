package io.tinymlaas.steps.data_scientist;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.tinymlaas.data.Gesture;
import io.tinymlaas.data.GestureSynthesizer;
import io.tinymlaas.data.Split;
import io.tinymlaas.data.StoredDataset;
import io.tinymlaas.device.TargetRun;
import io.tinymlaas.examples.MagicWand;
import io.tinymlaas.registry.StoredModel;
import io.tinymlaas.report.Quality;
import io.tinymlaas.steps.World;
import io.tinymlaas.train.ConvTrainingResult;
import java.util.List;

public class MagicWandSteps {

    private final World world;
    private StoredDataset data;
    private ConvTrainingResult training;
    private StoredModel stored;
    private List<Quality> int8Quality;
    private TargetRun run;

    public MagicWandSteps(World world) {
        this.world = world;
    }

    @Given("accelerometer windows of the gestures wing, ring, slope and negative are synthesized and labelled")
    public void collect() {
        data = world.lifecycle(MagicWand.NAME).collect();
        assertThat(data.dataset().train().inputs()[0]).hasSize(GestureSynthesizer.WINDOW * GestureSynthesizer.AXES);
        assertThat(data.dataset().train().targets()[0]).hasSize(Gesture.values().length);
    }

    @Then("the data set is stored with a content hash, class-balanced and split into train, validation and test")
    public void stored() {
        assertThat(data.contentHash()).matches("[0-9a-f]{64}");
        assertThat(data.directory().resolve("manifest.json")).isRegularFile();
        for (Split split : List.of(data.dataset().train(), data.dataset().validation(), data.dataset().test())) {
            int[] perClass = new int[Gesture.values().length];
            for (float[] target : split.targets()) {
                perClass[Gesture.argmax(target)]++;
            }
            assertThat(perClass).containsOnly(split.size() / perClass.length);
        }
    }

    @When("the gesture CNN is trained with TensorFlow")
    public void train() {
        training = (ConvTrainingResult) world.lifecycle().train();
    }

    @Then("the cross-entropy went down and the validation accuracy is well above chance")
    public void learned() {
        ClassifierChecks.learned(training, 2.0 / Gesture.values().length);
    }

    @When("the trained gesture model is stored")
    public void store() {
        stored = world.lifecycle().store();
    }

    @Then("its manifest names the data's content hash and the training metrics")
    public void manifest() {
        ClassifierChecks.manifestNamesDataAndMetrics(stored, data, training);
    }

    @When("the gesture model is converted to an int8 .tflite file with per-channel convolution weights")
    public void convert() {
        ClassifierChecks.readConverted(world.lifecycle().convert(), "CONV_2D", "MAX_POOL_2D", "CONV_2D", "MAX_POOL_2D", "RESHAPE",
                "FULLY_CONNECTED", "FULLY_CONNECTED", "SOFTMAX");
    }

    @Then("the reference interpreter's accuracy on the test windows meets its goal of at least {int}% \\({int}% in the full profile)")
    public void referenceAccuracy(int fastPercent, int fullPercent) {
        boolean full = ((MagicWand) world.lifecycle().example()).profile() == MagicWand.FULL;
        int8Quality = ClassifierChecks.referenceAccuracy(world.lifecycle(), full ? fullPercent : fastPercent);
    }

    @Then("the int8 accuracy is within {int} percentage points of the float model's")
    public void quantizationCost(int points) {
        ClassifierChecks.int8WithinPointsOfFloat(world.lifecycle(), int8Quality, points);
    }

    @When("the gesture model is compiled ahead of time to C")
    public void compile() {
        world.lifecycle().compile();
    }

    @When("the compiled gesture model runs in the x86 container on every test window")
    public void runInContainer() {
        run = ClassifierChecks.runInX86Container(world, MagicWand.NAME);
    }

    @Then("at least {int} test windows were classified there")
    public void windowsClassified(int count) {
        assertThat(run.outputs()).hasSizeGreaterThanOrEqualTo(count);
        assertThat(run.outputs()).allSatisfy(output -> assertThat(output).hasSize(Gesture.values().length));
    }

    @Then("every window's int8 output is bit-identical to the reference interpreter's")
    public void bitIdentical() {
        ClassifierChecks.bitIdentical(world.lifecycle(), run);
    }
}
