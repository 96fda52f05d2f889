package io.tinymlaas.app;

import io.tinymlaas.core.TinymlException;
import io.tinymlaas.store.Bridges;
import io.tinymlaas.telemetry.Command;
import io.tinymlaas.telemetry.EmbeddedBroker;
import io.tinymlaas.telemetry.MqttLink;
import io.tinymlaas.telemetry.Topics;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
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
 * The service's side of the fleet's MQTT: the embedded broker (unless an external one is named), the service's own link
 * hearing every bridge's reports, and the once-a-second look for devices whose heartbeats stopped. Messages and the look
 * take turns.
 */
final class Telemetry implements AutoCloseable {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Logger LOG = LoggerFactory.getLogger(Telemetry.class);

    private final EmbeddedBroker broker;
    private final String brokerUrl;
    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "fleet-sweep");
        thread.setDaemon(true);
        return thread;
    });
    private MqttLink link;

    private Telemetry(EmbeddedBroker broker, String brokerUrl) {
        this.broker = broker;
        this.brokerUrl = brokerUrl;
    }

    /** Starts the broker when none is named, joins it, and starts listening and looking. */
    static Telemetry start(TelemetryOptions options, Bridges bridges, Function<BiConsumer<String, Command>, FleetIngest> ingestFor) {
        boolean embedded = options.brokerUrl() == null;
        String servicePassword = embedded ? HexFormat.of().formatHex(secret()) : options.servicePassword();
        String serviceUser = embedded ? Topics.SERVICE_USER : options.serviceUser();
        EmbeddedBroker broker = embedded ? EmbeddedBroker.start(options.host(), options.port(), (user, password) -> {
            String given = new String(password, StandardCharsets.UTF_8);
            return user.equals(Topics.SERVICE_USER) ? given.equals(servicePassword) : bridges.valid(user, given);
        }) : null;
        Telemetry telemetry = new Telemetry(broker, embedded ? broker.url() : options.brokerUrl());
        try {
            FleetIngest ingest = ingestFor.apply((bridge, command) -> telemetry.link.publish(Topics.commands(bridge), command.json()));
            telemetry.link = MqttLink.connect(telemetry.brokerUrl, "tinyml-service-" + ProcessHandle.current().pid(),
                    serviceUser == null ? "" : serviceUser, servicePassword == null ? "" : servicePassword, List.of(Topics.ALL_REPORTS),
                    (topic, payload) -> telemetry.heard(ingest, topic, payload));
            telemetry.sweeper.scheduleWithFixedDelay(() -> telemetry.sweep(ingest), 1, 1, TimeUnit.SECONDS);
            return telemetry;
        } catch (RuntimeException e) {
            telemetry.close();
            throw e;
        }
    }

    String brokerUrl() {
        return brokerUrl;
    }

    /** Restarts the embedded broker: every client loses its connection and reconnects. */
    void restartBroker() {
        if (broker == null) {
            throw new TinymlException("the service uses an external MQTT broker (" + brokerUrl + "); restart it there");
        }
        broker.restart();
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
