package io.tinymlaas.steps.data_scientist;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.tinymlaas.data.Gesture;
import io.tinymlaas.data.GestureSynthesizer;
import io.tinymlaas.data.Split;
import io.tinymlaas.data.StoredDataset;
import io.tinymlaas.pipeline.Comparison;
import io.tinymlaas.pipeline.ConvertedModel;
import io.tinymlaas.pipeline.MagicWand;
import io.tinymlaas.pipeline.Quality;
import io.tinymlaas.pipeline.StoredModel;
import io.tinymlaas.steps.World;
import io.tinymlaas.board.Board;
import io.tinymlaas.target.TargetRun;
import io.tinymlaas.target.Targets;
import io.tinymlaas.target.X86Container;
import io.tinymlaas.tflite.Operator;
import io.tinymlaas.tflite.TfliteModel;
import io.tinymlaas.tflite.TfliteReader;
import io.tinymlaas.train.ConvTrainingResult;
import java.util.List;
import java.util.Map;

public class MagicWandSteps {

    private final World world;
    private StoredDataset data;
    private ConvTrainingResult training;
    private StoredModel stored;
    private ConvertedModel converted;
    private List<Quality> int8Quality;
    private TargetRun run;
    private Board board;

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
        List<Double> loss = training.lossPerEpoch();
        assertThat(loss.get(loss.size() - 1)).isLessThan(loss.get(0) / 2);
        assertThat(training.validationAccuracy()).isGreaterThan(2.0 / Gesture.values().length);
    }

    @When("the trained gesture model is stored")
    public void store() {
        stored = world.lifecycle().store();
    }

    @Then("its manifest names the data's content hash and the training metrics")
    @SuppressWarnings("unchecked")
    public void manifest() {
        Map<String, Object> manifest = StoredModel.read(stored.file());
        assertThat((Map<String, Object>) manifest.get("data")).containsEntry("content_sha256", data.contentHash());
        Map<String, Object> metrics = (Map<String, Object>) manifest.get("metrics");
        assertThat(metrics).containsKeys("validation_accuracy", "validation_loss", "final_training_loss")
                .containsEntry("epochs", training.lossPerEpoch().size());
        assertThat((List<Object>) metrics.get("loss_per_epoch")).hasSize(training.lossPerEpoch().size());
        assertThat(manifest).containsKey("network");
    }

    @When("the gesture model is converted to an int8 .tflite file with per-channel convolution weights")
    public void convert() {
        converted = world.lifecycle().convert();
        TfliteModel model = TfliteReader.read(TfliteReader.readBytes(converted.file()), converted.file().toString());
        assertThat(model.operators()).extracting(Operator::name).containsExactly("CONV_2D", "MAX_POOL_2D", "CONV_2D",
                "MAX_POOL_2D", "RESHAPE", "FULLY_CONNECTED", "FULLY_CONNECTED", "SOFTMAX");
        for (Operator op : model.operators()) {
            if (op.name().equals("CONV_2D")) {
                var filter = model.tensor(op.inputs()[1]).quantization();
                assertThat(filter.perChannel()).isTrue();
                assertThat(filter.dimension()).isZero();
                assertThat(filter.scales()).hasSize(model.tensor(op.inputs()[1]).shape()[0]);
            }
        }
        assertThat(model.output().quantization().scale()).isEqualTo(1f / 256);
        assertThat(model.output().quantization().zeroPoint()).isEqualTo(-128);
    }

    @Then("the reference interpreter's accuracy on the test windows meets the fast goal of at least {int}%")
    public void referenceAccuracy(int percent) {
        int8Quality = world.lifecycle().checkWithReference();
        assertThat(int8Quality).allMatch(Quality::passed, "every quality goal holds");
        assertThat(int8Quality.get(0).metric()).startsWith("accuracy");
        assertThat(int8Quality.get(0).bound()).isEqualTo(percent / 100.0);
        assertThat(int8Quality.get(0).value()).isGreaterThanOrEqualTo(percent / 100.0);
    }

    @Then("the int8 accuracy is within {int} percentage points of the float model's")
    public void quantizationCost(int points) {
        double floatAccuracy = world.lifecycle().judgeFloatModel().get(0).value();
        assertThat(int8Quality.get(0).value()).isGreaterThanOrEqualTo(floatAccuracy - points / 100.0);
    }

    @When("the gesture model is compiled ahead of time to C")
    public void compile() {
        world.lifecycle().compile();
    }

    @When("the compiled gesture model runs in the x86 container on every test window")
    public void runInContainer() {
        run = world.lifecycle().runOn(new X86Container(world.layout.firmware(),
                world.layout.output().resolve("acceptance").resolve("magic_wand-x86-" + System.nanoTime())));
    }

    @Then("at least {int} test windows were classified there")
    public void windowsClassified(int count) {
        assertThat(run.outputs()).hasSizeGreaterThanOrEqualTo(count);
        assertThat(run.outputs()).allSatisfy(output -> assertThat(output).hasSize(Gesture.values().length));
    }

    @Then("every window's int8 output is bit-identical to the reference interpreter's")
    public void bitIdentical() {
        Comparison comparison = world.lifecycle().compareWithReference();
        assertThat(comparison.inputs()).isEqualTo(run.outputs().size());
        assertThat(comparison.maxAbsDiffLsb()).isZero();
        assertThat(comparison.bitIdentical()).isTrue();
    }

    @When("the compiled gesture model runs on the emulated board {string} on every test window")
    public void runOnBoard(String boardId) {
        Targets targets = new Targets(world.layout);
        board = targets.boards().byId(boardId);
        run = world.lifecycle().runOn(targets.resolve(boardId,
                world.layout.output().resolve("acceptance").resolve("magic_wand-" + boardId + "-" + System.nanoTime())));
    }

    @Then("the gesture firmware fits the board's real flash and RAM and reports its instructions per window")
    public void fitsTheBoard() {
        assertThat(run.size().text() + run.size().data()).isPositive().isLessThanOrEqualTo(board.flashBytes());
        assertThat(run.size().data() + run.size().bss()).isPositive().isLessThanOrEqualTo(board.ramBytes());
        assertThat(run.instructions()).hasSameSizeAs(run.outputs()).allSatisfy(count -> assertThat(count).isPositive());
    }
}
