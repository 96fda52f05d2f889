package io.tinymlaas.steps.data_scientist;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.tinymlaas.app.Tinyml;
import io.tinymlaas.compile.CompiledModel;
import io.tinymlaas.convert.ConvertedModel;
import io.tinymlaas.data.Dataset;
import io.tinymlaas.data.PersonClass;
import io.tinymlaas.data.PersonImages;
import io.tinymlaas.data.Split;
import io.tinymlaas.data.StoredDataset;
import io.tinymlaas.device.TargetRun;
import io.tinymlaas.examples.PersonDetection;
import io.tinymlaas.lifecycle.FileClassifier.Classification;
import io.tinymlaas.lifecycle.FileClassifier.Verdict;
import io.tinymlaas.registry.StoredModel;
import io.tinymlaas.report.Quality;
import io.tinymlaas.steps.World;
import io.tinymlaas.tflite.MultiplyAccumulates;
import io.tinymlaas.tflite.TfliteModel;
import io.tinymlaas.train.ConvTrainingResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

public class PersonDetectionSteps {

    private static final String SCIKIT_IMAGE_DATA = "/usr/lib/python3/dist-packages/skimage/data";

    private final World world;
    private StoredDataset data;
    private ConvTrainingResult training;
    private StoredModel stored;
    private TfliteModel converted;
    private List<Quality> int8Quality;
    private CompiledModel compiled;
    private TargetRun run;
    private ConvertedModel int8;
    private final List<Classification> classified = new ArrayList<>();

    public PersonDetectionSteps(World world) {
        this.world = world;
    }

    @Given("scikit-image's LFW faces and non-faces are collected as 96x96 grayscale views, framed in real scene photos, and labelled person or no_person")
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
        int8 = world.lifecycle().convert();
        converted = ClassifierChecks.readConverted(int8, "CONV_2D",
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

    @When("scikit-image's photos {string}, a source never used in training, are classified on x86 and on the board {word}")
    public void classifyUnseenPhotos(String names, String board) {
        List<Path> photos = Arrays.stream(names.split(" ")).map(name -> Path.of(SCIKIT_IMAGE_DATA, name)).toList();
        for (String target : List.of(Tinyml.X86, board)) {
            classified.add(world.tinyml.classify(int8.file().toString(), photos, target, null));
        }
    }

    @Then("each photo gets the same class and bit-identical scores on x86, on the board and in the reference interpreter")
    public void unseenPhotosAgree() {
        List<Verdict> x86 = classified.get(0).verdicts();
        List<Verdict> board = classified.get(1).verdicts();
        assertThat(board).hasSameSizeAs(x86);
        for (int i = 0; i < x86.size(); i++) {
            assertThat(x86.get(i).bitIdentical()).as("x86 against the reference on " + x86.get(i).file()).isTrue();
            assertThat(board.get(i).bitIdentical()).as("board against the reference on " + board.get(i).file()).isTrue();
            assertThat(board.get(i).output()).containsExactly(x86.get(i).output());
            assertThat(board.get(i).winner()).isEqualTo(x86.get(i).winner()).isEqualTo(x86.get(i).referenceWinner());
        }
    }

    @Then("the photo {string} is called {word}")
    public void calledAs(String name, String label) {
        Verdict verdict = classified.get(0).verdicts().stream().filter(v -> v.file().getFileName().toString().equals(name))
                .findFirst().orElseThrow();
        assertThat(verdict.winner()).as(name + " scored " + Arrays.toString(verdict.scores())).isEqualTo(label);
    }
}
