package io.tinymlaas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tinymlaas.convert.ConvertedModel;
import io.tinymlaas.core.Hashes;
import io.tinymlaas.registry.ModelRegistry;
import io.tinymlaas.registry.RegisteredModel;
import io.tinymlaas.registry.StoredModel;
import io.tinymlaas.report.Quality;
import io.tinymlaas.tflite.SampleModels;
import io.tinymlaas.tflite.ModelMetadata;
import io.tinymlaas.tflite.TfliteWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `tinyml models`: the CLI over the model registry the pipeline writes, pointed at a temporary registry. */
class ModelsCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private ModelRegistry registry;
    private RegisteredModel entry;
    private Path modelFile;

    @BeforeEach
    void registerAModel() throws Exception {
        registry = new ModelRegistry(dir.resolve("models"));
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("epochs", 600);
        metrics.put("validation_mse", 0.0025);
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("example", "hello_world");
        manifest.put("data", Map.of("name", "sine", "version", "7e5fd2568930", "content_sha256", "7e5fd2568930" + "1".repeat(52)));
        manifest.put("metrics", metrics);
        manifest.put("seed", 7);
        byte[] bytes = "{\"weights\":[1,2,3]}".getBytes();
        modelFile = Files.write(dir.resolve("hello_world.model.json"), bytes);
        entry = registry.register(new StoredModel(modelFile, Hashes.sha256(bytes), manifest));
    }

    private int run(String... args) {
        String[] withRegistry = java.util.stream.Stream.concat(java.util.Arrays.stream(args),
                java.util.stream.Stream.of("--registry", dir.resolve("models").toString())).toArray(String[]::new);
        return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), withRegistry);
    }

    @Test
    void listNamesEachModelsDataVersionQualityAndTrainingFigures() {
        assertThat(run("models", "list")).isZero();
        assertThat(out.toString()).containsPattern(entry.id() + " +sine 7e5fd2568930 +not judged +" + entry.storedAt()
                + " +epochs 600, validation_mse 0.00250");
    }

    @Test
    void showPrintsTheDataVersionTheFilesStateAndTheJudgedQuality() {
        assertThat(run("models", "show", entry.id().substring(0, 15))).isZero();
        assertThat(out.toString())
                .contains("model        " + entry.id())
                .contains("float model  " + modelFile + ", sha256 " + entry.modelSha256() + " (file present, unchanged)")
                .contains("data         sine version 7e5fd2568930, sha256 7e5fd2568930" + "1".repeat(52))
                .contains("seed         7")
                .contains("quality      not judged yet");

        byte[] tflite = TfliteWriter.write(SampleModels.tinyDense());
        Path int8 = dir.resolve("hello_world.tflite");
        registry.recordQuality(entry.id(), new ConvertedModel(SampleModels.tinyDense(), tflite, int8, Hashes.sha256(tflite)),
                List.of(Quality.atMost("mean |y - sin(x)| on the test split", 0.07, 0.05)));
        out.getBuffer().setLength(0);
        assertThat(run("models", "show", entry.id())).isZero();
        assertThat(out.toString())
                .contains("int8 model   " + int8 + ", " + tflite.length + " B, sha256 " + Hashes.sha256(tflite) + " (file no longer there)")
                .contains("quality      FAILED")
                .contains("  mean |y - sin(x)| on the test split 0.0700 (goal <= 0.0500)");
    }

    @Test
    void reportTablesTheJudgedModelsQualityAgainstItsGoalWritesTheFileAndExitsOneOnAMissedGoal() throws Exception {
        assertThat(run("models", "report")).as("nothing judged yet: no goal missed").isZero();
        byte[] tflite = TfliteWriter.write(SampleModels.tinyDense());
        registry.recordQuality(entry.id(), new ConvertedModel(SampleModels.tinyDense(), tflite, dir.resolve("m.tflite"), Hashes.sha256(tflite)),
                List.of(Quality.atMost("mean |y - sin(x)| on the test split", 0.07, 0.05)));
        Path file = dir.resolve("quality.md");
        out.getBuffer().setLength(0);

        assertThat(run("models", "report", "--out", file.toString())).isEqualTo(1);

        assertThat(out.toString()).contains("| hello_world | " + entry.id() + " | sine 7e5fd2568930 | mean \\|y - sin(x)\\| on the test split | 0.0700 | ≤ 0.0500 | FAILED |");
        assertThat(file).content().isEqualTo(out.toString());
    }

    @Test
    void aChangedModelFileIsPointedOut() throws Exception {
        Files.writeString(modelFile, "{}");
        assertThat(run("models", "show", entry.id())).isZero();
        assertThat(out.toString()).contains("(file changed since: sha256 " + Hashes.sha256("{}".getBytes()) + ")");
    }

    @Test
    void aReportWithNothingJudgedSaysSoUnderItsEmptyTable() {
        // the registered model has not been judged by the reference interpreter yet
        assertThat(run("models", "report")).isZero();
        assertThat(out.toString()).endsWith("|---|---|---|---|---:|---|---|---|" + System.lineSeparator() + "no judged models in "
                + dir.resolve("models") + " yet; `bin/tinyml dry-run <example>` stores and judges one" + System.lineSeparator());
    }

    @Test
    void aDamagedRegistryEntryIsNamedWithWhereItsJsonBreaksInOneLine() throws Exception {
        Path damaged = Files.writeString(dir.resolve("models").resolve(entry.id() + ".json"), "{\"id\": ");
        assertThat(run("models", "list")).isEqualTo(2);
        assertThat(err.toString()).startsWith("tinyml: cannot read the registry entry " + damaged + ": not valid JSON at line 1, column ")
                .hasLineCount(1).doesNotContain("REDACTED");
    }

    @Test
    void aRegistryThatIsAFileIsRefusedRatherThanShownEmpty() throws Exception {
        Path file = Files.writeString(dir.resolve("registry.txt"), "not a folder");
        assertThat(Main.run(new PrintWriter(out, true), new PrintWriter(err, true), "models", "list", "--registry", file.toString()))
                .isEqualTo(2);
        assertThat(err.toString()).isEqualTo("tinyml: " + file + " is a file, not a model registry folder" + System.lineSeparator());
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void anUnknownModelIsOneLineAndExitCodeTwo() {
        assertThat(run("models", "show", "magic_wand-0")).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("tinyml: no model 'magic_wand-0' in " + dir.resolve("models") + "; known: " + entry.id()
                + System.lineSeparator());
    }

    @Test
    void showOfATfliteFileGivesItsClassOrderInputShapeScaleAndZeroPointFromItsMetadata() throws Exception {
        Path file = Files.write(dir.resolve("described.tflite"), TfliteWriter.write(HandBuiltModels.smallCnn(),
                new ModelMetadata("small_cnn", "data 0123456789ab, seed 7", "a hand-built CNN", "TinyMLaaS",
                        "ours", new ModelMetadata.Input("6x6 picture", ModelMetadata.Content.GRAYSCALE_IMAGE,
                        0f, 255f), List.of("cat", "dog", "none"))));

        assertThat(run("models", "show", file.toString())).as(err.toString()).isZero();

        assertThat(out.toString())
                .contains("metadata     small_cnn, version data 0123456789ab, seed 7, by TinyMLaaS, licence ours")
                .contains("classes      cat, dog, none (in output order)")
                .contains("input        'image' int8 [1, 6, 6, 1], scale 0.05, zero point -10")
                .contains("6x6 picture (grayscale image); real = (raw - 0.0) / 255.0")
                .contains("output       'probabilities' int8 [1, 3], scale 0.00390625, zero point -128");
    }

    @Test
    void showOfATfliteFileWithoutMetadataSaysSo() throws Exception {
        Path file = Files.write(dir.resolve("plain.tflite"), TfliteWriter.write(HandBuiltModels.smallCnn()));

        assertThat(run("models", "show", file.toString())).isZero();

        assertThat(out.toString()).contains("plain.tflite has no TensorFlow Lite metadata").contains("classes      not named in the file");
    }

    @Test
    void showOfATfliteFileWithTwoInputsAndTwoOutputsListsEachInTheModelsOrder() throws Exception {
        Path file = Files.write(dir.resolve("two.tflite"), TfliteWriter.write(HandBuiltModels.twoInputsTwoOutputs()));

        assertThat(run("models", "show", file.toString())).isZero();

        assertThat(out.toString()).containsSubsequence("input        'a' int8 [1, 2], scale 0.05, zero point -10",
                "input        'b' int8 [1, 2], scale 0.1, zero point 3", "output       'a + b' int8 [1, 2], scale 0.15",
                "output       'a * b' int8 [1, 2], scale 0.5, zero point -5");
    }
}
