package io.tinymlaas.steps.data_scientist;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.java.Before;
import io.cucumber.java.Scenario;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.tinymlaas.app.Tinyml;
import io.tinymlaas.convert.ConvertedModel;
import io.tinymlaas.data.Split;
import io.tinymlaas.data.StoredDataset;
import io.tinymlaas.data.audio.FrontEnd;
import io.tinymlaas.data.audio.Keyword;
import io.tinymlaas.data.audio.SpeechCommands;
import io.tinymlaas.data.audio.SpeechCommands.Clip;
import io.tinymlaas.data.audio.Voice;
import io.tinymlaas.device.TargetRun;
import io.tinymlaas.examples.MicroSpeech;
import io.tinymlaas.lifecycle.KeywordSpotting.BoardKeywords;
import io.tinymlaas.oracle.Comparison;
import io.tinymlaas.registry.StoredModel;
import io.tinymlaas.report.Quality;
import io.tinymlaas.steps.World;
import io.tinymlaas.tflite.Operator;
import io.tinymlaas.tflite.TfliteModel;
import io.tinymlaas.tflite.TfliteReader;
import io.tinymlaas.train.ConvTrainingResult;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

public class MicroSpeechSteps {

    private final World world;
    private StoredDataset data;
    private ConvTrainingResult training;
    private StoredModel stored;
    private TargetRun run;
    private MicroSpeech.BoardFeatures boardFeatures;
    private ConvertedModel converted;
    private BoardKeywords boardKeywords;
    private Scenario scenario;

    public MicroSpeechSteps(World world) {
        this.world = world;
    }

    @Before
    public void remember(Scenario scenario) {
        this.scenario = scenario;
    }

    private MicroSpeech example() {
        return (MicroSpeech) world.lifecycle().example();
    }

    @Given("one-second clips of \"yes\", \"no\", unknown words and silence are synthesized and labelled")
    public void collect() {
        data = world.lifecycle(MicroSpeech.NAME).collect();
        assertThat(example().speech().train()).allSatisfy(clip -> assertThat(clip.audio()).hasSize(SpeechCommands.CLIP_SAMPLES));
        assertThat(data.dataset().train().inputs()[0]).hasSize(FrontEnd.FEATURES);
        assertThat(data.dataset().train().targets()[0]).hasSize(Keyword.values().length);
    }

    @Then("the data set is stored with a content hash and a licence note, class-balanced, with test voices unheard in training")
    public void stored() throws Exception {
        assertThat(data.contentHash()).matches("[0-9a-f]{64}");
        assertThat(Files.readString(data.directory().resolve("manifest.json"))).contains("GPL-3.0", "our own data");
        for (Split split : List.of(data.dataset().train(), data.dataset().validation(), data.dataset().test())) {
            int[] perClass = new int[Keyword.values().length];
            for (float[] target : split.targets()) {
                for (int c = 0; c < perClass.length; c++) {
                    perClass[c] += target[c] == 1f ? 1 : 0;
                }
            }
            assertThat(perClass).containsOnly(split.size() / perClass.length);
        }
        List<Voice> trainVoices = speakers(example().speech().train());
        assertThat(speakers(example().speech().test())).isNotEmpty().doesNotContainAnyElementsOf(trainVoices);
        assertThat(speakers(example().speech().validation())).isNotEmpty().doesNotContainAnyElementsOf(trainVoices);
    }

    private static List<Voice> speakers(List<Clip> clips) {
        return clips.stream().flatMap(clip -> clip.speaker().stream()).distinct().toList();
    }

    @Then("the C front end in the x86 container computes exactly the Java front end's features on every test clip")
    public void frontEndsAgree() {
        List<Clip> test = example().speech().test();
        List<byte[]> device = world.tinyml.frontEndInContainer(test.stream().map(Clip::audio).toList(),
                world.layout.output().resolve("acceptance").resolve("micro_speech-frontend-" + System.nanoTime()));
        FrontEnd java = new FrontEnd();
        for (int i = 0; i < test.size(); i++) {
            byte[] features = java.features(test.get(i).audio());
            assertThat(device.get(i)).as("C features of test clip %d (%s)", i, test.get(i).description()).isEqualTo(features);
            assertThat(data.dataset().test().inputs()[i]).as("model input of test clip %d", i)
                    .isEqualTo(FrontEnd.toModelInput(features));
        }
    }

    @When("the keyword CNN is trained with TensorFlow")
    public void train() {
        training = (ConvTrainingResult) world.lifecycle().train();
    }

    @Then("the cross-entropy went down and the keyword validation accuracy is well above chance")
    public void learned() {
        List<Double> loss = training.lossPerEpoch();
        assertThat(loss.get(loss.size() - 1)).isLessThan(loss.get(0) / 2);
        assertThat(training.validationAccuracy()).isGreaterThan(2.0 / Keyword.values().length);
    }

    @When("the trained keyword model is stored")
    public void store() {
        stored = world.lifecycle().store();
    }

    @Then("its manifest names the keyword data's content hash and the training metrics")
    @SuppressWarnings("unchecked")
    public void manifest() {
        Map<String, Object> manifest = StoredModel.read(stored.file());
        assertThat((Map<String, Object>) manifest.get("data")).containsEntry("content_sha256", data.contentHash());
        assertThat((Map<String, Object>) manifest.get("metrics")).containsKeys("validation_accuracy", "validation_loss")
                .containsEntry("epochs", training.lossPerEpoch().size());
    }

    @When("the keyword model is converted to an int8 .tflite file that takes the front end's int8 features as they are")
    public void convert() {
        converted = world.lifecycle().convert();
        TfliteModel model = TfliteReader.read(TfliteReader.readBytes(converted.file()), converted.file().toString());
        assertThat(model.operators()).extracting(Operator::name)
                .containsExactly("CONV_2D", "MAX_POOL_2D", "RESHAPE", "FULLY_CONNECTED", "SOFTMAX");
        assertThat(model.input().shape()).containsExactly(1, 49, 40, 1);
        assertThat(model.input().quantization().scale()).isEqualTo(FrontEnd.INPUT_SCALE);
        assertThat(model.input().quantization().zeroPoint()).isEqualTo(FrontEnd.INPUT_ZERO_POINT);
    }

    @Then("the reference interpreter's accuracy on the held-out voices meets its goal of at least {int}% \\({int}% in the full profile)")
    public void referenceAccuracy(int fastPercent, int fullPercent) {
        List<Quality> quality = world.lifecycle().checkWithReference();
        int percent = example().profile() == MicroSpeech.FULL ? fullPercent : fastPercent;
        assertThat(quality).allMatch(Quality::passed, "every quality goal holds");
        assertThat(quality.get(0).bound()).isEqualTo(percent / 100.0);
        assertThat(quality.get(0).value()).isGreaterThanOrEqualTo(percent / 100.0);
        List<byte[]> inputs = world.lifecycle().testInputs();
        FrontEnd frontEnd = new FrontEnd();
        for (int i = 0; i < inputs.size(); i++) {
            assertThat(inputs.get(i)).isEqualTo(frontEnd.features(example().speech().test().get(i).audio()));
        }
    }

    @When("the keyword model is compiled ahead of time to C")
    public void compile() {
        world.lifecycle().compile();
    }

    @When("the compiled keyword model runs in the x86 container on every test clip")
    public void runInContainer() {
        run = world.lifecycle().runOn(world.tinyml.target(Tinyml.X86).runner(
                world.layout.output().resolve("acceptance").resolve("micro_speech-x86-" + System.nanoTime())));
        assertThat(run.outputs()).hasSize(example().speech().test().size())
                .allSatisfy(output -> assertThat(output).hasSize(Keyword.values().length));
    }

    @Then("every clip's int8 output is bit-identical to the reference interpreter's")
    public void bitIdentical() {
        Comparison comparison = world.lifecycle().compareWithReference();
        assertThat(comparison.inputs()).isEqualTo(run.outputs().size());
        assertThat(comparison.maxAbsDiffLsb()).isZero();
        assertThat(comparison.bitIdentical()).isTrue();
    }

    @When("the audio front end itself runs on the emulated board {string} on {int} held-out clips \\({int} in the full profile)")
    public void frontEndOnBoard(String boardId, int fastClips, int fullClips) {
        boardFeatures = world.tinyml.frontEndOnBoard(boardId, example().profile().boardFrontEndClips(),
                world.layout.output().resolve("acceptance").resolve("micro_speech-frontend-" + boardId + "-" + System.nanoTime()));
        assertThat(boardFeatures.clips()).hasSize(example().profile() == MicroSpeech.FULL ? fullClips : fastClips);
        assertThat(boardFeatures.clips()).extracting(Clip::label).containsAll(List.of(Keyword.values()));
    }

    @Then("the board's int8 features are byte-identical to the Java front end's on every clip, and its instructions per clip are reported")
    public void boardFeaturesIdentical() {
        Comparison comparison = boardFeatures.comparison();
        assertThat(comparison.inputs()).isEqualTo(boardFeatures.clips().size());
        assertThat(boardFeatures.run().outputs()).allSatisfy(features -> assertThat(features).hasSize(FrontEnd.FEATURES));
        assertThat(comparison.bitIdentical()).as("clip %d differs first", comparison.firstMismatch()).isTrue();
        assertThat(boardFeatures.run().instructions()).hasSameSizeAs(boardFeatures.clips()).allSatisfy(n -> assertThat(n).isPositive());
        scenario.log(boardFeatures.summary());
    }

    @When("the keyword model and the front end run as one firmware on the emulated board {string} on {int} raw held-out clips")
    public void keywordsOnBoard(String boardId, int clips) {
        boardKeywords = world.tinyml.keywordsOnBoard(boardId, converted.file(), clips,
                world.layout.output().resolve("acceptance").resolve("micro_speech-keyword-" + boardId + "-" + System.nanoTime()));
        assertThat(boardKeywords.clips()).hasSize(clips).extracting(Clip::label).containsAll(List.of(Keyword.values()));
    }

    @Then("the board's keyword scores are bit-identical to the reference interpreter's on the Java front end's features, with the same keyword picked on every clip")
    public void boardKeywordsIdentical() {
        Comparison comparison = boardKeywords.comparison();
        assertThat(comparison.inputs()).isEqualTo(boardKeywords.clips().size());
        assertThat(boardKeywords.run().outputs()).allSatisfy(scores -> assertThat(scores).hasSize(Keyword.values().length));
        assertThat(comparison.bitIdentical()).as("clip %d differs first", comparison.firstMismatch()).isTrue();
        assertThat(boardKeywords.samePredictions()).isEqualTo(boardKeywords.clips().size());
        assertThat(boardKeywords.run().instructions()).hasSameSizeAs(boardKeywords.clips()).allSatisfy(n -> assertThat(n).isPositive());
        scenario.log(boardKeywords.summary());
    }
}
