package io.tinymlaas.steps.cto;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.tinymlaas.app.Tinyml;
import io.tinymlaas.compile.CompiledModel;
import io.tinymlaas.convert.ConvertedModel;
import io.tinymlaas.data.StoredDataset;
import io.tinymlaas.device.TargetRun;
import io.tinymlaas.oracle.Comparison;
import io.tinymlaas.report.Quality;
import io.tinymlaas.steps.World;
import io.tinymlaas.tflite.TfliteReader;
import io.tinymlaas.train.TrainingResult;
import java.nio.file.Files;
import java.util.List;

public class HelloWorldSteps {

    private final World world;
    private TrainingResult training;
    private ConvertedModel converted;
    private List<Quality> quality;
    private CompiledModel compiled;
    private TargetRun run;

    public HelloWorldSteps(World world) {
        this.world = world;
    }

    @Given("the hello_world sine data set is collected and stored with a content hash")
    public void collect() {
        StoredDataset data = world.lifecycle("hello_world").collect();
        assertThat(data.contentHash()).matches("[0-9a-f]{64}");
        assertThat(data.directory().resolve("manifest.json")).isRegularFile();
        assertThat(data.dataset().test().size()).isGreaterThanOrEqualTo(1000);
    }

    @When("the 1-16-16-1 network is trained with TensorFlow")
    public void train() {
        training = (TrainingResult) world.lifecycle().train();
    }

    @Then("the training loss went down and the validation MSE is below {double}")
    public void lossWentDown(double bound) {
        List<Double> loss = training.lossPerEpoch();
        assertThat(loss.get(loss.size() - 1)).isLessThan(loss.get(0) / 2);
        assertThat(training.validationMse()).isLessThan(bound);
        assertThat(training.network().layers()).extracting(layer -> layer.outputs()).containsExactly(16, 16, 1);
    }

    @When("the network is converted to an int8 .tflite file by our converter")
    public void convert() {
        converted = world.lifecycle().convert();
        assertThat(converted.file()).isRegularFile();
    }

    @Then("the reference interpreter loads it and its test outputs are within {double} of sin\\(x) on average, never off by more than {double}")
    public void referenceQuality(double meanTolerance, double maxError) {
        quality = world.lifecycle().checkWithReference();
        assertThat(quality).allMatch(Quality::passed, "every quality goal holds");
        assertThat(quality.get(0).metric()).startsWith("mean |y - sin(x)|");
        assertThat(quality.get(0).value()).isLessThanOrEqualTo(meanTolerance);
        assertThat(quality.get(1).metric()).startsWith("max |y - sin(x)|");
        assertThat(quality.get(1).value()).isLessThanOrEqualTo(maxError);
    }

    @When("the .tflite file is compiled ahead of time to C")
    public void compile() throws Exception {
        assertThat(TfliteReader.read(Files.readAllBytes(converted.file()), "check").operators()).hasSize(3);
        compiled = world.lifecycle().compile();
    }

    @Then("the static activation arena needs at most {int} bytes")
    public void arenaSize(int bytes) {
        assertThat(compiled.plan().arenaBytes()).isPositive().isLessThanOrEqualTo(bytes);
        assertThat(compiled.source()).contains("static int8_t tinyml_arena[" + compiled.plan().arenaBytes() + "]");
    }

    @When("the compiled model runs in the x86 container on every test input")
    public void runInContainer() {
        run = world.lifecycle().runOn(world.tinyml.target(Tinyml.X86).runner(
                world.layout.output().resolve("acceptance").resolve("x86-" + System.nanoTime())));
    }

    @Then("at least {int} outputs were compared")
    public void outputsCompared(int count) {
        assertThat(run.outputs()).hasSizeGreaterThanOrEqualTo(count);
    }

    @Then("every int8 output is bit-identical to the reference interpreter's")
    public void bitIdentical() {
        Comparison comparison = world.lifecycle().compareWithReference();
        assertThat(comparison.inputs()).isEqualTo(run.outputs().size());
        assertThat(comparison.maxAbsDiffLsb()).isZero();
        assertThat(comparison.bitIdentical()).isTrue();
    }
}
