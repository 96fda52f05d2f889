package io.tinymlaas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tinymlaas.data.audio.TestWavs;
import io.tinymlaas.tflite.ModelMetadata;
import io.tinymlaas.tflite.SampleModels;
import io.tinymlaas.tflite.TfliteModel;
import io.tinymlaas.tflite.TfliteWriter;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `tinyml classify` with a user's .tflite file and files of every kind, on the host's gcc in place of the x86 container. */
class ClassifyCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.run(() -> HostGccTarget.onX86(work -> new HostGccTarget(work, false)), new PrintWriter(out, true),
                new PrintWriter(err, true), args);
    }

    private Path model(String name, TfliteModel model) throws Exception {
        return Files.write(dir.resolve(name), TfliteWriter.write(model));
    }

    @Test
    void aModelWithTwoInputsIsRefusedInOneLineNamingThemBeforeAnythingIsPrinted() throws Exception {
        Path model = model("two_inputs.tflite", HandBuiltModels.twoInputsTwoOutputs());
        Path file = Files.writeString(dir.resolve("x.txt"), "1 2");
        assertThat(run("classify", model.toString(), file.toString())).isEqualTo(2);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).isEqualTo("tinyml: " + model + ": classify reads each file into one input tensor, this model "
                + "has 2 ('a', 'b'); give run their bytes back to back instead\n");
    }

    @Test
    void aModelTheInterpreterRejectsForItsQuantizationAxisIsRefusedInOneLineNamingTheTensor() throws Exception {
        Path model = model("person_like.tflite", HandBuiltModels.smallCnnWithMisplacedBiasAxis());
        Path file = Files.writeString(dir.resolve("x.txt"), "0.5 ".repeat(36));
        assertThat(run("classify", model.toString(), file.toString())).isEqualTo(2);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).startsWith("tinyml: " + model + ": reference interpreter 2.6 rejects tensor 2 'conv/bias': "
                + "quantized_dimension 3").hasLineCount(1);
    }

    @Test
    void aColourPictureWithSpacesAndAccentsInItsNameIsMadeGrayAndClassifiedBitIdentically() throws Exception {
        Path model = model("small_cnn.tflite", HandBuiltModels.smallCnn());
        BufferedImage picture = new BufferedImage(12, 8, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 12; x++) {
                picture.setRGB(x, y, (x * 20) << 16 | (y * 30) << 8 | 90);
            }
        }
        Path file = dir.resolve("my café photo.png");
        ImageIO.write(picture, "png", file.toFile());

        int code = run("classify", model.toString(), file.toString());

        assertThat(code).as(out + "\n" + err).isZero();
        assertThat(out.toString())
                .contains("my café photo.png: PNG 12x8 colour, to grayscale, centre-cropped to 8x8, scaled to 6x6, pixels p/255")
                .contains("classes from nowhere: the model has no metadata, so they are numbered")
                .containsPattern("ours +class 0 0\\.\\d{4} +class 1 0\\.\\d{4} +class 2 0\\.\\d{4} +-> class \\d")
                .containsPattern("reference +class 0 0\\.\\d{4}")
                .contains("BIT-IDENTICAL: 1 of 1 answer(s) bit-identical to the reference");
    }

    @Test
    void aStereo8Bit44kHzRecordingIsConvertedForTheKeywordModelAndTheReportSaysHow() throws Exception {
        Path model = model("keyword.tflite", HandBuiltModels.keywordDense());
        Path wav = TestWavs.tone(dir.resolve("yes 1.wav"), 44_100, 2, 8, 1.5, 440);

        int code = run("classify", model.toString(), wav.toString());

        assertThat(code).as(out + "\n" + err).isZero();
        assertThat(out.toString())
                .contains("yes 1.wav: 44100 Hz, 2 channels, 8-bit PCM, 1.50 s: mixed 2 channels to mono, converted 8-bit PCM to "
                        + "16-bit, resampled 44100 Hz to 16000 Hz, cut to its loudest second")
                .contains("through the audio front end to 49x40 features")
                .contains("BIT-IDENTICAL: 1 of 1");
    }

    @Test
    void aModelWithMetadataNamesItsClassesFromItsLabels() throws Exception {
        Path model = Files.write(dir.resolve("described.tflite"), TfliteWriter.write(HandBuiltModels.smallCnn(),
                new ModelMetadata("small_cnn", "1", "hand-built", "us", "ours", new ModelMetadata.Input("6x6 picture",
                        ModelMetadata.Content.GRAYSCALE_IMAGE, 0f, 255f), List.of("cat", "dog", "no animal"))));
        Path picture = Files.writeString(dir.resolve("dark.pgm"), "P2 6 6 255 " + "0 ".repeat(36));

        int code = run("classify", model.toString(), picture.toString());

        assertThat(code).as(out + "\n" + err).isZero();
        assertThat(out.toString()).contains("classes from the model's metadata (labels.txt)")
                .containsPattern("ours +cat 0\\.\\d{4} +dog 0\\.\\d{4} +no animal 0\\.\\d{4} +-> ");
    }

    @Test
    void aPublishedStyleFloatModelGetsItsPicturesNormalizedAsItsMetadataSays() throws Exception {
        Path model = Files.write(dir.resolve("float picture.tflite"), TfliteWriter.write(HandBuiltModels.floatPictureSum(),
                new ModelMetadata("sum", "1", "sums its pixels", "us", "ours", new ModelMetadata.Input("2x2 picture",
                        ModelMetadata.Content.GRAYSCALE_IMAGE, 127.5f, 127.5f), List.of())));
        Path picture = Files.writeString(dir.resolve("corners.pgm"), "P2 2 2 255 255 0 255 255");

        int code = run("classify", model.toString(), picture.toString());

        assertThat(code).as(out + "\n" + err).isZero();
        // (255 - 127.5) / 127.5 = 1 three times and (0 - 127.5) / 127.5 = -1 once
        assertThat(out.toString()).contains("pixels (p - 127.5) / 127.5 as the model's metadata says")
                .contains("ours       2.0000").contains("reference  2.0000");
    }

    @Test
    void badFilesAreRefusedTogetherEachWithItsReasonAndNoTrace() throws Exception {
        Path model = model("small_cnn.tflite", HandBuiltModels.smallCnn());
        Path notWav = Files.writeString(dir.resolve("notes.wav"), "these are my notes, not audio");
        Path empty = Files.write(dir.resolve("empty.png"), new byte[0]);
        Path broken = Files.write(dir.resolve("broken.jpg"), new byte[] {(byte) 0xff, (byte) 0xd8, 1, 2, 3});
        Path good = dir.resolve("good.pgm");
        Files.writeString(good, "P2\n6 6\n255\n" + "10 ".repeat(36));

        int code = run("classify", model.toString(), good.toString(), notWav.toString(), empty.toString(), broken.toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString())
                .contains("3 of 4 files refused")
                .contains("notes.wav: a WAV needs a keyword model")
                .contains("empty.png is empty (0 bytes)")
                .contains("broken.jpg is not an image that can be decoded")
                .doesNotContain("good.pgm").doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(out.toString()).doesNotContain("BIT-IDENTICAL");
    }

    @Test
    void aWavThatIsNotAWavIsNamedAsSuchForAKeywordModel() throws Exception {
        Path model = model("keyword.tflite", HandBuiltModels.keywordDense());
        Path notWav = Files.writeString(dir.resolve("fake.wav"), "RIFX....not a wave");

        int code = run("classify", model.toString(), notWav.toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("fake.wav is not a WAV file (no RIFF/WAVE header)").doesNotContain("Exception");
    }

    @Test
    void aTextFileOfNumbersGivesOneValueAnswerPerInputAndAPictureIsRefusedForANumberModel() throws Exception {
        Path model = model("tiny_dense.tflite", SampleModels.tinyDense());
        Path numbers = Files.writeString(dir.resolve("x values.csv"), "0.5\n1.5\n3.0\n");
        Path picture = Files.writeString(dir.resolve("p.pgm"), "P2 2 2 255 0 0 0 0");

        int code = run("classify", model.toString(), numbers.toString());

        assertThat(code).as(out + "\n" + err).isZero();
        assertThat(out.toString()).contains("classes from nowhere: one output, a value")
                .contains("x values.csv #0: 3 input(s) of 1 numbers").contains("x values.csv #2: ")
                .containsPattern("ours +-?\\d+\\.\\d{4}\n").contains("BIT-IDENTICAL: 3 of 3");
        assertThat(run("classify", model.toString(), picture.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("p.pgm: a picture needs a model whose input is one grayscale image, but this model's input is [1, 1]");
    }

    @Test
    void anUnknownExampleIsRefusedInOneLine() {
        assertThat(run("classify", "speech", "x.wav")).isEqualTo(2);
        assertThat(err.toString()).contains("unknown example 'speech'");
    }
}
