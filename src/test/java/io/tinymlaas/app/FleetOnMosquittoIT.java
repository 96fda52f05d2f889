package io.tinymlaas.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tinymlaas.store.BridgeAccount;
import io.tinymlaas.telemetry.MosquittoBroker;
import io.tinymlaas.telemetry.MqttLink;
import io.tinymlaas.telemetry.Report;
import io.tinymlaas.telemetry.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The service on the Mosquitto it starts (Debian's package; skipped where it is not installed): bridges log in with the
 * secret the service issued, strangers are refused, the ACL keeps a bridge from publishing as another, and after a broker
 * restart the service and the bridges reconnect and reports are heard again.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FleetOnMosquittoIT {

    private static final String BOARD = "arduino_nano_33_ble_sense";
    /** Only a broken broker takes this long; every wait below normally ends within a second. */
    private static final long LIMIT_MILLIS = 30_000;

    private ScratchDatabase database;
    private TinymlService service;
    private final List<MqttLink> links = new ArrayList<>();

    private record Bridge(long deviceId, String name, String secret) {
    }

    @BeforeAll
    void startTheServiceOnMosquitto() {
        assumeTrue(MosquittoBroker.installed().isPresent(), "Mosquitto is not installed (bin/setup installs Debian's mosquitto)");
        Tinyml engine = Tinyml.forThisProject();
        database = ScratchDatabase.create(engine);
        service = TinymlService.open(engine, database.jdbcUrl(), "tinyml", "", opened -> new NoJobs());
        service.startTelemetry(TelemetryOptions.mosquitto("127.0.0.1", 0, database.folder().resolve("mosquitto")));
    }

    @AfterEach
    void closeOurClients() {
        links.forEach(MqttLink::close);
        links.clear();
    }

    @AfterAll
    void stopTheService() {
        if (service != null) {
            service.close();
            database.close();
        }
    }

    @Test
    void aBridgeLogsInWithTheSecretTheServiceIssuedAndItsReportsAreStored() {
        Bridge bridge = bridge("mosq-heard");
        connect(bridge).publish(Topics.reports(bridge.name()), heartbeat(bridge.deviceId()));

        assertThat(until(bridge, account -> account.accepted() >= 1).accepted()).isEqualTo(1);
    }

    @Test
    void aClientWithAWrongSecretOrAnUnknownNameIsRefused() {
        Bridge bridge = bridge("mosq-stranger");

        assertThatThrownBy(() -> probe(bridge.name(), bridge.secret() + "x")).isInstanceOf(MqttException.class)
                .satisfies(e -> assertThat(((MqttException) e).getReasonCode()).isIn(refusals()));
        assertThatThrownBy(() -> probe("nobody", bridge.secret())).isInstanceOf(MqttException.class)
                .satisfies(e -> assertThat(((MqttException) e).getReasonCode()).isIn(refusals()));
    }

    @Test
    void aBridgeCannotPublishOnAnotherBridgesTopic() {
        Bridge mallory = bridge("mosq-mallory");
        Bridge victim = bridge("mosq-victim");
        MqttLink link = connect(mallory);
        link.publish(Topics.reports(victim.name()), heartbeat(victim.deviceId()));
        // the broker delivers one client's messages in order: once this one is stored, the one before was dropped or heard
        link.publish(Topics.reports(mallory.name()), heartbeat(mallory.deviceId()));
        until(mallory, account -> account.accepted() >= 1);

        BridgeAccount victimAccount = service.bridge(victim.name()).bridge();
        assertThat(List.of(victimAccount.accepted(), victimAccount.malformed(), victimAccount.foreignDevice())).containsOnly(0L);
    }

    @Test
    void afterABrokerRestartTheBridgeAndTheServiceReconnectAndReportsAreStoredAgain() {
        Bridge bridge = bridge("mosq-restart");
        MqttLink link = connect(bridge);
        link.publish(Topics.reports(bridge.name()), heartbeat(bridge.deviceId()));
        until(bridge, account -> account.accepted() >= 1);

        service.restartBroker();
        waitFor(() -> link.reconnects() >= 1 && link.connected(), "the bridge's reconnect");
        // The service subscribes again on its own reconnect, which may come after the bridge's: a report sent before that
        // is lost (the restarted broker kept no session), so the bridge reports every half second, as heartbeats do.
        long[] lastSent = {0};
        waitFor(() -> {
            if (System.currentTimeMillis() - lastSent[0] >= 500) {
                link.publish(Topics.reports(bridge.name()), heartbeat(bridge.deviceId()));
                lastSent[0] = System.currentTimeMillis();
            }
            return service.bridge(bridge.name()).bridge().accepted() >= 2;
        }, "a report stored after the restart");

        assertThat(service.bridge(bridge.name()).bridge().malformed()).isZero();
    }

    private Bridge bridge(String name) {
        long device = service.registerDevice(new DeviceRegistration(name + "-device", BOARD, "emulator", null, "", List.of())).id();
        BridgeCredentials credentials = service.registerBridge(new BridgeRequest(name, List.of(device)));
        return new Bridge(device, name, credentials.secret());
    }

    private MqttLink connect(Bridge bridge) {
        MqttLink link = MqttLink.connect(service.brokerUrl(), bridge.name() + "-client", bridge.name(), bridge.secret(),
                List.of(Topics.commands(bridge.name())), (topic, payload) -> { });
        links.add(link);
        return link;
    }

    private MqttClient probe(String user, String password) throws MqttException {
        MqttClient client = new MqttClient(service.brokerUrl(), user + "-probe-" + System.nanoTime(), new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setUserName(user);
        options.setPassword(password.toCharArray());
        try {
            client.connect(options);
        } catch (MqttException e) {
            client.close();
            throw e;
        }
        return client;
    }

    private static List<Integer> refusals() {
        return List.of((int) MqttException.REASON_CODE_FAILED_AUTHENTICATION, (int) MqttException.REASON_CODE_NOT_AUTHORIZED);
    }

    /** A heartbeat with a long interval, so the sweep does not mark the device offline meanwhile. */
    private static byte[] heartbeat(long deviceId) {
        return Report.heartbeat(deviceId, System.nanoTime(), Report.RUNNING, "a".repeat(64), "b".repeat(64), 600_000, null).json();
    }

    private BridgeAccount until(Bridge bridge, Predicate<BridgeAccount> done) {
        waitFor(() -> done.test(service.bridge(bridge.name()).bridge()), "the reports of " + bridge.name());
        return service.bridge(bridge.name()).bridge();
    }

    private static void waitFor(java.util.function.BooleanSupplier done, String what) {
        long deadline = System.currentTimeMillis() + LIMIT_MILLIS;
        while (!done.getAsBoolean()) {
            assertThat(System.currentTimeMillis()).as("waiting for " + what).isLessThan(deadline);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what, e);
            }
        }
    }

    /** Nothing here queues a job; the service only needs somewhere to hand them. */
    private static final class NoJobs implements JobQueue {

        @Override
        public String enqueueRun(long runId) {
            throw new UnsupportedOperationException("no pipeline runs here");
        }

        @Override
        public String enqueueRollout(long rolloutId) {
            throw new UnsupportedOperationException("no rollouts here");
        }

        @Override
        public String enqueueEnquiry(long enquiryId) {
            throw new UnsupportedOperationException("no enquiries here");
        }

        @Override
        public void close() {
        }
    }
}
