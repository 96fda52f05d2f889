package io.tinymlaas.telemetry;

import io.tinymlaas.core.TinymlException;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import org.eclipse.paho.client.mqttv3.DisconnectedBufferOptions;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * One client's connection to the broker (Eclipse Paho): QoS 1 both ways, reconnecting by itself when the broker goes away,
 * keeping what is published meanwhile (up to {@link #BUFFERED} messages) to send once it is back, and subscribing again on
 * every connect, since each connect starts a clean session.
 */
public final class MqttLink implements AutoCloseable {

    static final int QOS = 1;
    private static final int BUFFERED = 20_000;

    private final MqttAsyncClient client;
    private final AtomicLong reconnects = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();

    private MqttLink(MqttAsyncClient client) {
        this.client = client;
    }

    /**
     * Connects as {@code user} and subscribes to {@code topics}, whose messages go to {@code onMessage} (topic, payload)
     * on the client's own thread, one at a time.
     */
    public static MqttLink connect(String brokerUrl, String clientId, String user, String password, List<String> topics,
                                   BiConsumer<String, byte[]> onMessage) {
        MqttAsyncClient client;
        try {
            client = new MqttAsyncClient(brokerUrl, clientId, new MemoryPersistence());
        } catch (MqttException | IllegalArgumentException e) {
            throw new TinymlException("MQTT broker URL " + brokerUrl + ": " + e.getMessage() + " (expected e.g. tcp://127.0.0.1:1883)", e);
        }
        MqttLink link = new MqttLink(client);
        client.setCallback(new MqttCallbackExtended() {
            @Override
            public void connectComplete(boolean reconnect, String serverUri) {
                if (reconnect) {
                    link.reconnects.incrementAndGet();
                }
                for (String topic : topics) {
                    try {
                        client.subscribe(topic, QOS);
                    } catch (MqttException e) {
                        // the next reconnect subscribes again; meanwhile nothing arrives, which the heartbeats' absence shows
                    }
                }
            }

            @Override
            public void connectionLost(Throwable cause) {
                // automatic reconnect takes over
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
                onMessage.accept(topic, message.getPayload());
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {
            }
        });
        DisconnectedBufferOptions buffer = new DisconnectedBufferOptions();
        buffer.setBufferEnabled(true);
        buffer.setBufferSize(BUFFERED);
        buffer.setPersistBuffer(false);
        buffer.setDeleteOldestMessages(true);
        client.setBufferOpts(buffer);
        MqttConnectOptions options = new MqttConnectOptions();
        options.setUserName(user);
        options.setPassword(password.toCharArray());
        options.setAutomaticReconnect(true);
        options.setMaxReconnectDelay(2000);
        // A clean session: Moquette 0.17 kills a session thread on a QoS 1 message resent with the DUP flag that it has not
        // seen before (PostOffice.publish2Subscribers retains the payload 0 times), which is what a client keeping its
        // session resends to a restarted broker. So a message in flight when the broker goes away is lost with it; what is
        // published while it is away is kept and sent once it is back.
        options.setCleanSession(true);
        options.setKeepAliveInterval(10);
        options.setConnectionTimeout(10);
        options.setMaxInflight(BUFFERED);
        try {
            client.connect(options).waitForCompletion(15_000);
        } catch (MqttException e) {
            link.close();
            throw new TinymlException("cannot connect to the MQTT broker " + brokerUrl + " as " + user + ": " + e.getMessage()
                    + (e.getReasonCode() == MqttException.REASON_CODE_FAILED_AUTHENTICATION
                    || e.getReasonCode() == MqttException.REASON_CODE_NOT_AUTHORIZED ? " (the broker refused the credentials)" : ""), e);
        }
        return link;
    }

    /** Sends with QoS 1, or keeps it to send when the broker is back; a message that cannot even be kept is counted. */
    public void publish(String topic, byte[] payload) {
        try {
            client.publish(topic, payload, QOS, false);
        } catch (MqttException e) {
            dropped.incrementAndGet();
        }
    }

    public boolean connected() {
        return client.isConnected();
    }

    /** How often the link came back after losing the broker. */
    public long reconnects() {
        return reconnects.get();
    }

    /** Messages neither sent nor kept (the buffer was full or the client closed). */
    public long dropped() {
        return dropped.get();
    }

    @Override
    public void close() {
        try {
            if (client.isConnected()) {
                client.disconnect().waitForCompletion(2000);
            }
        } catch (MqttException e) {
            // closing anyway
        }
        try {
            client.close(true);
        } catch (MqttException e) {
            // the process is letting go of it either way
        }
    }
}
