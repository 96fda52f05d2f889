package io.tinymlaas.app;

import io.tinymlaas.core.IoFailure;
import io.tinymlaas.core.TinymlException;
import io.tinymlaas.store.Bridges;
import io.tinymlaas.telemetry.Broker;
import io.tinymlaas.telemetry.Command;
import io.tinymlaas.telemetry.EmbeddedBroker;
import io.tinymlaas.telemetry.MosquittoBroker;
import io.tinymlaas.telemetry.MqttLink;
import io.tinymlaas.telemetry.Topics;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service's side of the fleet's MQTT: the broker it starts (unless an external one is named), the service's own link
 * hearing every bridge's reports, the once-a-second look for devices whose heartbeats stopped, and the once-a-minute
 * deletion of reports older than the options keep them. Messages, the look and the deletion take turns.
 */
final class Telemetry implements AutoCloseable {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Logger LOG = LoggerFactory.getLogger(Telemetry.class);

    private final Broker broker;
    private final String brokerUrl;
    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "fleet-sweep");
        thread.setDaemon(true);
        return thread;
    });
    private MqttLink link;

    private Telemetry(Broker broker, String brokerUrl) {
        this.broker = broker;
        this.brokerUrl = brokerUrl;
    }

    /** Starts the broker unless an external one is named, joins it, and starts listening and looking. */
    static Telemetry start(TelemetryOptions options, Bridges bridges, Function<BiConsumer<String, Command>, FleetIngest> ingestFor) {
        boolean external = options.broker() == TelemetryOptions.Broker.EXTERNAL;
        String servicePassword = external ? options.servicePassword() : HexFormat.of().formatHex(secret());
        String serviceUser = external ? options.serviceUser() : Topics.SERVICE_USER;
        int port = external || options.port() != 0 ? options.port() : freePort();
        Broker broker = switch (options.broker()) {
            case MOSQUITTO -> MosquittoBroker.start(options.host(), port, options.folder(), serviceUser, servicePassword);
            case MOQUETTE -> EmbeddedBroker.start(options.host(), port, (user, password) -> {
                String given = new String(password, StandardCharsets.UTF_8);
                return user.equals(Topics.SERVICE_USER) ? given.equals(servicePassword) : bridges.valid(user, given);
            });
            case EXTERNAL -> null;
        };
        Telemetry telemetry = new Telemetry(broker, external ? options.brokerUrl() : broker.url());
        try {
            FleetIngest ingest = ingestFor.apply((bridge, command) -> telemetry.link.publish(Topics.commands(bridge), command.json()));
            telemetry.link = MqttLink.connect(telemetry.brokerUrl, "tinyml-service-" + ProcessHandle.current().pid(),
                    serviceUser == null ? "" : serviceUser, servicePassword == null ? "" : servicePassword, List.of(Topics.ALL_REPORTS),
                    (topic, payload) -> telemetry.heard(ingest, topic, payload));
            telemetry.sweeper.scheduleWithFixedDelay(() -> telemetry.sweep(ingest), 1, 1, TimeUnit.SECONDS);
            telemetry.sweeper.scheduleWithFixedDelay(() -> telemetry.prune(ingest, options.keepReports()), 0, 1, TimeUnit.MINUTES);
            return telemetry;
        } catch (RuntimeException e) {
            telemetry.close();
            throw e;
        }
    }

    String brokerUrl() {
        return brokerUrl;
    }

    /** Restarts the broker the service started: every client loses its connection and reconnects. */
    void restartBroker() {
        if (broker == null) {
            throw new TinymlException("the service uses an external MQTT broker (" + brokerUrl + "); restart it there");
        }
        broker.restart();
    }

    /** Lets a newly registered bridge log in to the broker the service started; an external one's accounts are kept there. */
    void admit(String bridge, String secret) {
        if (broker != null) {
            broker.admit(bridge, secret);
        }
    }

    private synchronized void heard(FleetIngest ingest, String topic, byte[] payload) {
        try {
            ingest.accept(topic, payload);
        } catch (RuntimeException e) {
            // one message the registry could not take must not cut the link that brings all the others
            LOG.error("cannot store a report from {}", topic, e);
        }
    }

    private synchronized void sweep(FleetIngest ingest) {
        try {
            ingest.sweep();
        } catch (RuntimeException e) {
            LOG.error("cannot look for silent devices", e);
        }
    }

    private synchronized void prune(FleetIngest ingest, Duration keep) {
        try {
            ingest.prune(keep);
        } catch (RuntimeException e) {
            LOG.error("cannot delete the reports older than {}", keep, e);
        }
    }

    /** Moquette cannot pick a port itself and say which, so one nobody listens on now is picked for it (and Mosquitto). */
    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new TinymlException("no free port for the MQTT broker: " + IoFailure.reason(e), e);
        }
    }

    private static byte[] secret() {
        byte[] secret = new byte[24];
        RANDOM.nextBytes(secret);
        return secret;
    }

    @Override
    public void close() {
        sweeper.shutdownNow();
        if (link != null) {
            link.close();
        }
        if (broker != null) {
            broker.close();
        }
    }
}
