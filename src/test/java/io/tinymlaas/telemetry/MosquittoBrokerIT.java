package io.tinymlaas.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Mosquitto process the service starts: its accounts across restarts of the service, its ACL, and one left by a killed
 * service.
 */
class MosquittoBrokerIT {

    @TempDir
    Path folder;
    private int port;

    @BeforeEach
    void mosquittoAndAFreePort() throws IOException {
        assumeTrue(MosquittoBroker.installed().isPresent(), "Mosquitto is not installed (bin/setup installs Debian's mosquitto)");
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
    }

    @Test
    void aBridgeAdmittedBeforeTheServiceRestartedStillLogsInAndTheServicesOldPasswordNoLonger() throws Exception {
        try (MosquittoBroker first = MosquittoBroker.start("127.0.0.1", port, folder, Topics.SERVICE_USER, "old")) {
            first.admit("bridge-1", "secret-1");
        }
        try (MosquittoBroker again = MosquittoBroker.start("127.0.0.1", port, folder, Topics.SERVICE_USER, "new")) {
            login(again, "bridge-1", "secret-1");
            login(again, Topics.SERVICE_USER, "new");
            assertThatThrownBy(() -> login(again, Topics.SERVICE_USER, "old")).isInstanceOf(MqttException.class);
        }
    }

    @Test
    void thePasswordFileHoldsOnlyHashesAndOnlyItsOwnerReadsIt() throws Exception {
        try (MosquittoBroker broker = MosquittoBroker.start("127.0.0.1", port, folder, Topics.SERVICE_USER, "service-secret")) {
            broker.admit("bridge-1", "secret-1");
        }
        Path passwords = folder.resolve("passwords");
        assertThat(Files.readAllLines(passwords)).hasSize(2).allMatch(line -> line.matches("[a-z0-9_-]+:\\$7\\$.+"))
                .noneMatch(line -> line.contains("secret"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwords))).isEqualTo("rw-------");
    }

    @Test
    void aBrokerLeftRunningByAKilledServiceIsStoppedByTheNextStartInsteadOfHoldingThePort() throws Exception {
        MosquittoBroker left = MosquittoBroker.start("127.0.0.1", port, folder, Topics.SERVICE_USER, "old");
        try (MosquittoBroker next = MosquittoBroker.start("127.0.0.1", port, folder, Topics.SERVICE_USER, "new")) {
            login(next, Topics.SERVICE_USER, "new");
        } finally {
            left.close();
        }
    }

    @Test
    void aBridgeHearsItsOwnCommandsButNotAnotherBridges() throws Exception {
        try (MosquittoBroker broker = MosquittoBroker.start("127.0.0.1", port, folder, Topics.SERVICE_USER, "service-secret")) {
            broker.admit("mallory", "secret-m");
            Queue<String> heard = new ConcurrentLinkedQueue<>();
            try (MqttLink mallory = MqttLink.connect(broker.url(), "mallory", "mallory", "secret-m",
                    List.of(Topics.commands("victim"), Topics.commands("mallory")), (topic, payload) -> heard.add(topic));
                 MqttLink service = MqttLink.connect(broker.url(), "service", Topics.SERVICE_USER, "service-secret", List.of(),
                         (topic, payload) -> { })) {
                // one publisher's messages reach a subscriber in order: once the second is heard, the first was dropped
                service.publish(Topics.commands("victim"), Command.restart(1).json());
                service.publish(Topics.commands("mallory"), Command.restart(2).json());
                long deadline = System.currentTimeMillis() + 30_000;
                while (heard.isEmpty()) {
                    assertThat(System.currentTimeMillis()).as("waiting for mallory's own command").isLessThan(deadline);
                    Thread.sleep(20);
                }
                assertThat(heard).containsExactly(Topics.commands("mallory"));
            }
        }
    }

    private static void login(MosquittoBroker broker, String user, String password) throws MqttException {
        MqttClient client = new MqttClient(broker.url(), user + "-" + System.nanoTime(), new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setUserName(user);
        options.setPassword(password.toCharArray());
        try {
            client.connect(options);
            client.disconnect();
        } finally {
            client.close();
        }
    }
}
