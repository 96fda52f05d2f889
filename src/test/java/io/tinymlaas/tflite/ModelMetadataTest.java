package io.tinymlaas.tflite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tinymlaas.cli.HandBuiltModels;
import io.tinymlaas.compile.AotCompiler;
import io.tinymlaas.oracle.ReferenceInterpreter;
import io.tinymlaas.tflite.ModelMetadata.Content;
import io.tinymlaas.tflite.ModelMetadata.Input;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Models that describe themselves in TensorFlow Lite metadata, read back, and run and compile exactly as without it. */
class ModelMetadataTest {

    private static final ModelMetadata METADATA = new ModelMetadata("small_cnn", "data 0123456789ab, seed 7",
            "a hand-built CNN", "TinyMLaaS", "our own data", new Input("6x6 grayscale picture, pixels p/255", Content.GRAYSCALE_IMAGE,
            0f, 255f), List.of("café", "no, \"person\"", "other"));

    @TempDir
    Path dir;

    @Test
    void theMetadataAndLabelsWrittenAreReadBack() {
        byte[] bytes = TfliteWriter.write(HandBuiltModels.smallCnn(), METADATA);

        assertThat(TfliteReader.metadata(bytes, "m.tflite")).contains(METADATA);
        assertThat(TfliteReader.metadata(TfliteWriter.write(HandBuiltModels.smallCnn()), "plain.tflite")).isEmpty();
    }

    @Test
    void theLabelsArePackedAsAZipThatAStandardZipReaderOpens() throws Exception {
        Path file = Files.write(dir.resolve("m.tflite"), TfliteWriter.write(HandBuiltModels.smallCnn(), METADATA));

        try (ZipFile zip = new ZipFile(file.toFile())) {
            assertThat(new String(zip.getInputStream(zip.getEntry("labels.txt")).readAllBytes(), StandardCharsets.UTF_8))
                    .isEqualTo("café\nno, \"person\"\nother\n");
        }
    }

    @Test
    void theReferenceInterpreterGivesTheSameOutputsAndTheCompilerTheSameCode() {
        TfliteModel model = HandBuiltModels.smallCnn();
        byte[] plain = TfliteWriter.write(model);
        byte[] described = TfliteWriter.write(model, METADATA);
        Random random = new Random(5);
        try (ReferenceInterpreter a = ReferenceInterpreter.load(plain, "plain");
             ReferenceInterpreter b = ReferenceInterpreter.load(described, "described")) {
            for (int i = 0; i < 20; i++) {
                byte[] input = new byte[36];
                random.nextBytes(input);
                assertThat(b.invoke(input)).containsExactly(a.invoke(input));
            }
        }
        String hash = "ab".repeat(32);
        assertThat(AotCompiler.compile(TfliteReader.read(described, "described"), hash, "m").source())
                .isEqualTo(AotCompiler.compile(TfliteReader.read(plain, "plain"), hash, "m").source());
    }

    @Test
    void labelsNamedButNotPackedAreRefusedNamingTheFile() {
        byte[] described = TfliteWriter.write(HandBuiltModels.smallCnn(), METADATA);
        // the model alone, without the zip archive after it
        int zip = indexOf(described, new byte[] {0x50, 0x4b, 0x03, 0x04});
        byte[] cut = Arrays.copyOf(described, zip);

        assertThatThrownBy(() -> TfliteReader.metadata(cut, "cut.tflite"))
                .hasMessage("cut.tflite: its metadata names the labels file labels.txt, which is not packed in the model");
    }

    private static int indexOf(byte[] bytes, byte[] pattern) {
        for (int i = bytes.length - pattern.length; i >= 0; i--) {
            if (Arrays.equals(bytes, i, i + pattern.length, pattern, 0, pattern.length)) {
                return i;
            }
        }
        throw new AssertionError("no zip in the model");
    }
}
