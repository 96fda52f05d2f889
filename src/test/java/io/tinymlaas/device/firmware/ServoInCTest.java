package io.tinymlaas.device.firmware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tinymlaas.core.HostProcess;
import io.tinymlaas.core.ProjectLayout;
import io.tinymlaas.core.TinymlException;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The firmware's servo code (firmware/servo/servo.c) built with the host gcc under AddressSanitizer/UBSan and driven
 * through its host driver (firmware/servo/test/servo_host.c): it must give what {@link PanTilt} gives, to the unit, so
 * that the host can predict every command a board sends.
 */
class ServoInCTest {

    private static final Path SERVO = ProjectLayout.find().firmware().resolve("servo");

    @TempDir
    static Path work;

    private static Path driver;

    @BeforeAll
    static void build() throws IOException {
        driver = work.resolve("servo_host");
        HostProcess.run(List.of("gcc", "-std=c99", "-Wall", "-Wextra", "-Werror", "-pedantic", "-fsanitize=address,undefined",
                "-fno-sanitize-recover=all", "-g", "-I" + SERVO, SERVO.resolve("servo.c").toString(),
                SERVO.resolve("test/servo_host.c").toString(), "-o", driver.toString()), null, work);
    }

    private static List<String> ask(List<String> requests) throws IOException {
        Path in = Files.writeString(work.resolve("requests-" + System.nanoTime() + ".txt"), String.join("\n", requests) + "\n");
        return new String(HostProcess.run(List.of(driver.toString()), in, work), StandardCharsets.UTF_8).lines().toList();
    }

    private static String scoresText(int zeroPoint, byte[] scores) {
        StringBuilder s = new StringBuilder().append(zeroPoint);
        for (byte b : scores) {
            s.append(' ').append(b);
        }
        return s.toString();
    }

    @Test
    void theHeadersConstantsAreTheOnesTheHostPredictsWith() throws IOException, ReflectiveOperationException {
        String header = Files.readString(SERVO.resolve("servo.h"));
        Map<String, String> names = Map.of("SERVO_FIELD_OF_VIEW_CDEG", "FIELD_OF_VIEW_CDEG", "SERVO_FRAME_MS", "FRAME_MS",
                "SERVO_MS_PER_60_DEGREES", "MS_PER_60_DEGREES", "SERVO_PERIOD_US", "PERIOD_US", "SERVO_MIN_PULSE_US",
                "MIN_PULSE_US", "SERVO_MAX_PULSE_US", "MAX_PULSE_US", "SERVO_RANGE_CDEG", "RANGE_CDEG", "SERVO_COMMAND_BYTES",
                "COMMAND_BYTES", "SERVO_GRID", "GRID");
        for (Map.Entry<String, String> name : names.entrySet()) {
            Matcher define = Pattern.compile("#define " + name.getKey() + " (\\d+)\\n").matcher(header);
            assertThat(define.find()).as(name.getKey()).isTrue();
            Field field = PanTilt.class.getField(name.getValue());
            assertThat(field.getInt(null)).as(name.getKey()).isEqualTo(Integer.parseInt(define.group(1)));
        }
    }

    @Test
    void aimStepAndPulseGiveTheHostsValuesToTheUnit() throws IOException {
        Random random = new Random(5);
        List<String> requests = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            byte[] scores = new byte[PanTilt.CELLS];
            random.nextBytes(scores);
            int zeroPoint = i % 3 == 0 ? -128 : random.nextInt(256) - 128;
            int[] aim = PanTilt.aim(scores, zeroPoint);
            requests.add("aim " + scoresText(zeroPoint, scores));
            expected.add(aim[0] + " " + aim[1]);
            int current = random.nextInt(18001) - 9000;
            int target = random.nextInt(18001) - 9000;
            requests.add("step " + current + " " + target);
            expected.add(String.valueOf(PanTilt.step(current, target)));
            int angle = random.nextInt(24001) - 12000;
            requests.add("pulse " + angle);
            expected.add(String.valueOf(PanTilt.pulseUs(angle)));
        }
        assertThat(ask(requests)).containsExactlyElementsOf(expected);
    }

    @Test
    void aStandFollowingFramesSendsTheHostsCommandsEncodedLittleEndian() throws IOException {
        Random random = new Random(9);
        PanTilt stand = new PanTilt();
        List<String> requests = new ArrayList<>();
        List<ServoCommand> expected = new ArrayList<>();
        for (int frame = 0; frame < 40; frame++) {
            // one cell far ahead of the others, somewhere new every few frames, so that the rate limit bites
            byte[] scores = new byte[PanTilt.CELLS];
            Arrays.fill(scores, (byte) -128);
            scores[(frame / 4 * 5) % PanTilt.CELLS] = (byte) (100 + random.nextInt(28));
            scores[random.nextInt(PanTilt.CELLS)] += (byte) random.nextInt(60);
            requests.add("follow " + scoresText(-128, scores));
            expected.add(stand.follow(PanTilt.aim(scores, -128)));
        }
        List<String> answers = ask(requests);
        assertThat(answers).hasSize(expected.size());
        for (int i = 0; i < answers.size(); i++) {
            String[] fields = answers.get(i).split(" ");
            ServoCommand c = expected.get(i);
            assertThat(List.of(fields).subList(0, 4)).as("frame %d", i).containsExactly(String.valueOf(c.panCdeg()),
                    String.valueOf(c.tiltCdeg()), String.valueOf(c.panPulseUs()), String.valueOf(c.tiltPulseUs()));
            byte[] encoded = HexFormat.of().parseHex(String.join("", List.of(fields).subList(4, fields.length)));
            assertThat(ServoCommand.decode(encoded, 0)).as("frame %d", i).isEqualTo(c);
        }
        int largestPanMove = 0;
        for (int i = 1; i < expected.size(); i++) {
            largestPanMove = Math.max(largestPanMove, Math.abs(expected.get(i).panCdeg() - expected.get(i - 1).panCdeg()));
        }
        assertThat(largestPanMove).as("the rate limit was reached").isEqualTo(PanTilt.MAX_STEP_CDEG);
    }

    @Test
    void theDriverRefusesARequestItDoesNotKnow() {
        assertThatThrownBy(() -> ask(List.of("spin 3"))).isInstanceOf(TinymlException.class).hasMessageContaining("bad request 'spin'");
    }
}
