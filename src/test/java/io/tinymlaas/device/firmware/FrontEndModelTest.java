package io.tinymlaas.device.firmware;

import static org.assertj.core.api.Assertions.assertThat;

import io.tinymlaas.core.ProjectLayout;
import io.tinymlaas.data.audio.FrontEnd;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The front end's firmware sources: what the board runtime needs, named by a hash of the C it runs. */
class FrontEndModelTest {

    private static final Path FIRMWARE = ProjectLayout.find().firmware();

    @TempDir
    Path dir;

    @Test
    void itWritesTheFrontEndAndAModelHeaderWithOneClipInAndTheFeaturesOut() throws IOException {
        FrontEndModel model = new FrontEndModel(FIRMWARE);
        Path written = model.writeTo(dir.resolve("model"));
        try (var files = Files.list(written)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted())
                    .containsExactly("frontend.c", "frontend.h", "frontend_tables.h", "model.c", "model.h");
        }
        assertThat(written.resolve("model.h")).content()
                .contains("#define TINYML_MODEL_INPUT_BYTES 32000\n", "#define TINYML_MODEL_OUTPUT_BYTES " + FrontEnd.FEATURES + "\n",
                        "#define TINYML_MODEL_HASH \"" + model.modelHash() + "\"\n");
        assertThat(written.resolve("model.c")).hasSameTextualContentAs(FIRMWARE.resolve("frontend/board_model.c"));
        assertThat(model.modelHash()).matches("[0-9a-f]{64}");
    }

    @Test
    void theHashFollowsTheFrontEndsSources(@TempDir Path copy) throws IOException {
        Path frontEnd = Files.createDirectories(copy.resolve("frontend"));
        for (String name : List.of("frontend.c", "frontend.h", "frontend_tables.h", "board_model.c")) {
            Files.copy(FIRMWARE.resolve("frontend").resolve(name), frontEnd.resolve(name));
        }
        String original = new FrontEndModel(copy).modelHash();
        assertThat(original).isEqualTo(new FrontEndModel(FIRMWARE).modelHash());
        Files.writeString(frontEnd.resolve("frontend.c"), "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        assertThat(new FrontEndModel(copy).modelHash()).isNotEqualTo(original);
    }

    @Test
    void theAdapterBuildsForACortexM4WithoutWarningsAndRefusesAHeaderOfAnotherSize() throws Exception {
        Path model = new FrontEndModel(FIRMWARE).writeTo(dir.resolve("model"));
        assertThat(ArmGcc.messages(model, "model.c")).as("build of the adapter").isEqualTo("");
        Path header = model.resolve("model.h");
        Files.writeString(header, Files.readString(header).replace("INPUT_BYTES 32000", "INPUT_BYTES 31998"));
        assertThat(ArmGcc.messages(model, "model.c")).contains("model.h and frontend.h disagree on the clip or feature size");
    }
}
