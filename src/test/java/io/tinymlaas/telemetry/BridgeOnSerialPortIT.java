package io.tinymlaas.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import io.tinymlaas.compile.AotCompiler;
import io.tinymlaas.compile.CompiledModel;
import io.tinymlaas.core.Hashes;
import io.tinymlaas.core.ProjectLayout;
import io.tinymlaas.device.LiveBoard;
import io.tinymlaas.device.Targets;
import io.tinymlaas.device.board.Board;
import io.tinymlaas.device.emulator.QemuEmulator;
import io.tinymlaas.device.emulator.RunningBoard;
import io.tinymlaas.device.firmware.FirmwareBuilder;
import io.tinymlaas.tflite.SampleModels;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bridge's real-board path without hardware: a board whose firmware runs on its own (here QEMU, its console UART on a
 * pty, started apart from the bridge as a board plugged in would be), which the bridge only opens as a serial port through
 * jSerialComm, asks for its HELLO and inferences, and reports for over MQTT.
 */
class BridgeOnSerialPortIT {

    private static final ProjectLayout LAYOUT = ProjectLayout.find();
    private static final Board NANO = new Targets(LAYOUT).boards().byId("arduino_nano_33_ble_sense");
    private static final String MODEL_HASH = "11".repeat(32);
    private static final long DEVICE = 1;
    /** Only a hung board or broker takes this long; the reports come within a second or two of the port opening. */
    private static final long LIMIT_MILLIS = 60_000;

    @TempDir
    Path work;

    @Test
    void aBoardOnASerialPortReportsTheModelItsHelloNamesAndItsInferencesAndOutlivesTheBridge() throws Exception {
        CompiledModel model = AotCompiler.compile(SampleModels.tinyDense(), MODEL_HASH, "tiny.tflite");
        Path elf = new FirmwareBuilder(LAYOUT.firmware()).build(model, NANO, new QemuEmulator().buildProfile(NANO), work).elf();
        byte[] image = Files.readAllBytes(elf);
        Firmware flashed = new Firmware(DEVICE, NANO.id(), image, Hashes.sha256(image), MODEL_HASH, model.inputBytes());
        Queue<Report> heard = new ConcurrentLinkedQueue<>();
        try (RunningBoard plugged = new QemuEmulator().boot(NANO, elf, Duration.ofSeconds(20));
             EmbeddedBroker broker = EmbeddedBroker.start("127.0.0.1", freePort(), (user, password) ->
                     new String(password, StandardCharsets.UTF_8).equals("secret"));
             MqttLink service = MqttLink.connect(broker.url(), "service", Topics.SERVICE_USER, "secret", List.of(Topics.ALL_REPORTS),
                     (topic, payload) -> heard.add(Report.parse(payload)))) {
            Bridge bridge = Bridge.start(new Bridge.Settings("desk", broker.url(), "secret", Duration.ofMillis(200),
                    Duration.ofMillis(100), work.resolve("bridge")), List.of(DEVICE), id -> flashed,
                    (firmware, ignoredElf) -> LiveBoard.attach(plugged.serialDevice(), NANO));
            try {
                waitFor(() -> heard.stream().anyMatch(r -> r.kind().equals(Report.TELEMETRY) && r.errors() == 0)
                        && heard.stream().anyMatch(r -> r.kind().equals(Report.HEARTBEAT) && Report.RUNNING.equals(r.state())));
            } finally {
                bridge.close();
            }

            Report heartbeat = heard.stream().filter(r -> Report.RUNNING.equals(r.state())).findFirst().orElseThrow();
            assertThat(heartbeat.modelHash()).isEqualTo(MODEL_HASH);
            assertThat(heartbeat.firmwareSha256()).isEqualTo(flashed.sha256());
            Report telemetry = heard.stream().filter(r -> r.kind().equals(Report.TELEMETRY)).findFirst().orElseThrow();
            assertThat(telemetry.instructions()).isPositive();
            assertThat(telemetry.latencyMicros()).isEqualTo(telemetry.instructions() / (double) NANO.clockMhz());
            assertThat(heard).as("no heartbeat says the device failed while it was coming up")
                    .noneMatch(r -> Report.FAILED.equals(r.state()));
            assertThat(plugged.alive()).as("the board, which the bridge only let go of").isTrue();
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier done) throws InterruptedException {
        long deadline = System.currentTimeMillis() + LIMIT_MILLIS;
        while (!done.getAsBoolean()) {
            assertThat(System.currentTimeMillis()).as("waiting for a heartbeat and a telemetry report").isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
