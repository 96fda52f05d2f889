package io.tinymlaas.steps.data_scientist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.cucumber.java.en.And;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.tinymlaas.app.DataSets;
import io.tinymlaas.app.ImportOutcome;
import io.tinymlaas.app.ModelInterface;
import io.tinymlaas.app.Models;
import io.tinymlaas.convert.ConvertedModel;
import io.tinymlaas.core.TinymlException;
import io.tinymlaas.data.DatasetManifest;
import io.tinymlaas.examples.Example;
import io.tinymlaas.examples.MicroSpeech;
import io.tinymlaas.examples.PersonDetection;
import io.tinymlaas.lifecycle.FileClassifier.Classification;
import io.tinymlaas.lifecycle.FileClassifier.Verdict;
import io.tinymlaas.lifecycle.Lifecycle;
import io.tinymlaas.steps.World;
import io.tinymlaas.train.TrainingConfig.Phase;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;

/**
 * A data scientist's own files, made here as a user would make them (espeak-ng and sox for speech, drawn pictures),
 * imported, trained on briefly, and classified through the same facade calls `tinyml data import` and `tinyml classify`
 * make, in stores of their own.
 */
public class ImportDataSteps {

    /** A few epochs: the scenario is about the way from files to answers, not about how good the model is. */
    private static final List<Phase> BRIEF_TRAINING = List.of(new Phase(6, 0.003f));
    private static final List<String> VOICES = List.of("en", "en-us+f2", "en-gb+m3", "en+f4", "en-029", "en-us+klatt");

    private final World world;
    private final Path stores;
    private final Path folder;
    private final DataSets data;

    private ImportOutcome imported;
    private TinymlException refusal;
    private ConvertedModel int8;
    private final List<Classification> answers = new ArrayList<>();

    public ImportDataSteps(World world) {
        this.world = world;
        stores = world.layout.output().resolve("acceptance").resolve("import-" + System.nanoTime());
        folder = stores.resolve("my files");
        data = world.tinyml.data(stores.resolve("datasets"));
    }

    @Given("a folder with a sub-folder {string} and a sub-folder {string} of recordings spoken by espeak-ng in {int} voices each, some as 44.1 kHz stereo and some as 8-bit")
    public void recordings(String first, String second, int voices) throws Exception {
        for (String word : List.of(first, second)) {
            for (int i = 0; i < voices; i++) {
                Path wav = speak(word, VOICES.get(i), Files.createDirectories(folder.resolve(word)).resolve(word + " " + VOICES.get(i) + ".wav"));
                if (i % 3 == 1) {
                    convert(wav, "-r", "44100", "-c", "2");
                } else if (i % 3 == 2) {
                    convert(wav, "-b", "8", "-e", "unsigned");
                }
            }
        }
    }

    @And("a file {string} that holds text, not audio")
    public void textFile(String name) throws Exception {
        Files.writeString(folder.resolve(name), "my notes on this take");
    }

    @Given("a folder with a sub-folder {string} and a sub-folder {string} of {int} pictures each, as PNG, JPEG, BMP and PGM of several sizes")
    public void pictures(String stripes, String dots, int count) throws Exception {
        for (String kind : List.of(stripes, dots)) {
            Path sub = Files.createDirectories(folder.resolve(kind));
            for (int i = 0; i < count; i++) {
                String format = List.of("png", "jpg", "bmp").get(i % 3);
                ImageIO.write(picture(kind.equals(stripes), 80 + 20 * i, 60 + 16 * i, i), format, sub.resolve(kind + " " + i + "." + format).toFile());
            }
        }
        Files.writeString(folder.resolve(dots).resolve("dots tiny.pgm"), "P2 4 4 255 " + "0 255 0 255 ".repeat(4));
    }

    @When("the folder is imported as {word} data with the source {string} and the licence {string}")
    public void importFolder(String example, String source, String licence) {
        refusal = catchThrowableOfType(TinymlException.class, () -> imported = data.importFolder(example, folder, source, licence, false));
    }

    @Then("a data set version is stored whose manifest names that source and licence, the classes {string} and {string}, and how each file was converted")
    public void stored(String first, String second) {
        assertThat(refusal).isNull();
        DatasetManifest manifest = data.show(imported.stored().dataset().name(), imported.stored().version()).manifest();
        assertThat(manifest.source()).isEqualTo(imported.stored().dataset().provenance().source()).isNotBlank();
        assertThat(manifest.licence()).isEqualTo("CC0-1.0");
        assertThat(manifest.classes()).containsExactly(first, second);
        assertThat(imported.files()).allSatisfy(file -> assertThat(manifest.recipe()).contains(file));
        assertThat(manifest.samples().values()).allSatisfy(count -> assertThat(count).isPositive());
    }

    @When("a keyword model is trained briefly on that version, converted to int8 with its metadata, and judged")
    public void trainKeywords() {
        train(new MicroSpeech(new MicroSpeech.Profile("acceptance", 1, 1, 1, BRIEF_TRAINING, 0.0, 1)));
    }

    @When("an image model is trained briefly on that version, converted to int8 with its metadata, and judged")
    public void trainPictures() {
        train(new PersonDetection(new PersonDetection.Profile("acceptance", PersonDetection.FAST.sizes(), BRIEF_TRAINING, 0.0)));
    }

    private void train(Example example) {
        Lifecycle lifecycle = world.tinyml.lifecycle(example, stores.resolve("work"), stores.resolve("datasets"));
        lifecycle.use(data.load(example.datasetName(), imported.stored().version()));
        lifecycle.train();
        lifecycle.store();
        int8 = lifecycle.convert();
        assertThat(lifecycle.checkWithReference()).isNotEmpty();
    }

    @Then("the model's .tflite file names its classes {string} and {string} and its input scale {double} and zero point {int}")
    public void describedWithInput(String first, String second, double scale, int zeroPoint) {
        ModelInterface model = labelled(first, second);
        assertThat((double) model.input().scale()).isEqualTo(scale);
        assertThat(model.input().zeroPoint()).isEqualTo(zeroPoint);
    }

    @Then("the model's .tflite file names its classes {string} and {string}")
    public void described(String first, String second) {
        labelled(first, second);
    }

    private ModelInterface labelled(String first, String second) {
        ModelInterface model = Models.describe(int8.file());
        assertThat(model.described()).isTrue();
        assertThat(model.classes()).containsExactly(first, second);
        return model;
    }

    @When("a new recording of {string} in a voice never imported is classified on x86 and on the board {word}")
    public void classifyRecording(String word, String board) throws Exception {
        Path wav = speak(word, "en-us+m7", stores.resolve("new " + word + " ünseen.wav"));
        classify(wav, board);
    }

    @When("a new picture of stripes is classified on x86 and on the board {word}")
    public void classifyPicture(String board) throws Exception {
        Path file = stores.resolve("new stripes.png");
        ImageIO.write(picture(true, 150, 110, 9), "png", file.toFile());
        classify(file, board);
    }

    private void classify(Path file, String board) {
        for (String target : List.of("x86", board)) {
            answers.add(world.tinyml.classify(int8.file().toString(), List.of(file), target, null));
        }
    }

    @Then("both give the same class with bit-identical scores, each identical to the reference interpreter's")
    public void sameAnswers() {
        Verdict x86 = answers.get(0).verdicts().get(0);
        Verdict board = answers.get(1).verdicts().get(0);
        assertThat(x86.bitIdentical()).as("x86 against the reference").isTrue();
        assertThat(board.bitIdentical()).as("board against the reference").isTrue();
        assertThat(board.output()).containsExactly(x86.output());
        assertThat(board.winner()).isEqualTo(x86.winner()).isEqualTo(x86.referenceWinner()).isIn(answers.get(0).classes());
        assertThat(board.instructions()).isPositive();
    }

    @Then("the import is refused naming {string}")
    public void refused(String reason) {
        assertThat(refusal).isNotNull();
        assertThat(refusal.getMessage()).startsWith("nothing imported").contains(reason);
    }

    @And("no {word} data set is stored")
    public void nothingStored(String name) {
        assertThat(data.list()).doesNotContainKey(name);
    }

    private static Path speak(String word, String voice, Path wav) throws Exception {
        run("espeak-ng", "-v", voice, "-w", wav.toString(), word);
        return wav;
    }

    /** Rewrites a recording with sox in another layout, as another recorder would have saved it. */
    private static void convert(Path wav, String... format) throws Exception {
        Path converted = wav.resolveSibling("converted-" + wav.getFileName());
        List<String> command = new ArrayList<>(List.of("sox", wav.toString()));
        command.addAll(List.of(format));
        command.add(converted.toString());
        run(command.toArray(String[]::new));
        Files.move(converted, wav, StandardCopyOption.REPLACE_EXISTING);
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as(String.join(" ", command)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + ": " + output).isZero();
    }

    /** Stripes (diagonal bands) or dots on a light ground, shifted by {@code seed} so that no two are alike. */
    private static BufferedImage picture(boolean stripes, int width, int height, int seed) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(230, 220 - seed, 200));
        g.fillRect(0, 0, width, height);
        g.setColor(new Color(30 + seed * 5, 40, 90));
        int step = Math.max(8, width / 8);
        for (int at = -height + seed; at < width; at += step) {
            if (stripes) {
                g.fillPolygon(new int[] {at, at + step / 2, at + step / 2 + height, at + height}, new int[] {0, 0, height, height}, 4);
            } else {
                for (int y = seed % step; y < height; y += step) {
                    g.fillOval(Math.max(0, at + height / 2), y, step / 3, step / 3);
                }
            }
        }
        g.dispose();
        return image;
    }
}
