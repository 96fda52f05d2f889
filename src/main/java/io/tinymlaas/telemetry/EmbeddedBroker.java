package io.tinymlaas.telemetry;

import io.moquette.BrokerConstants;
import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;
import io.moquette.broker.security.IAuthenticator;
import io.moquette.broker.security.IAuthorizatorPolicy;
import io.moquette.broker.subscriptions.Topic;
import io.tinymlaas.core.IoFailure;
import io.tinymlaas.core.TinymlException;
import java.io.IOException;
import java.util.List;
import java.util.Properties;
import java.util.function.BiPredicate;

/**
 * The MQTT broker inside the service when no external one is named (Moquette, in memory): it admits only the accounts
 * {@code credentials} knows (no anonymous clients) and keeps each to its topics ({@link Topics}).
 */
public final class EmbeddedBroker implements Broker {

    private final String host;
    private final int port;
    private final BiPredicate<String, byte[]> credentials;
    private Server server;

    private EmbeddedBroker(String host, int port, BiPredicate<String, byte[]> credentials) {
        this.host = host;
        this.port = port;
        this.credentials = credentials;
    }

    /** Starts the broker on {@code host:port}; {@code credentials} says whether a user name and password may connect. */
    public static EmbeddedBroker start(String host, int port, BiPredicate<String, byte[]> credentials) {
        EmbeddedBroker broker = new EmbeddedBroker(host, port, credentials);
        broker.startServer();
        return broker;
    }

    @Override
    public String url() {
        return "tcp://" + host + ":" + port;
    }

    /** Nothing to do: this broker asks {@code credentials} at every connect, and the registry knows the bridge already. */
    @Override
    public void admit(String user, String password) {
    }

    @Override
    public synchronized void restart() {
        server.stopServer();
        startServer();
    }

    private synchronized void startServer() {
        Properties properties = new Properties();
        properties.setProperty(BrokerConstants.HOST_PROPERTY_NAME, host);
        properties.setProperty(BrokerConstants.PORT_PROPERTY_NAME, String.valueOf(port));
        properties.setProperty(BrokerConstants.WEB_SOCKET_PORT_PROPERTY_NAME, BrokerConstants.DISABLED_PORT_BIND);
        properties.setProperty(BrokerConstants.ALLOW_ANONYMOUS_PROPERTY_NAME, "false");
        properties.setProperty(BrokerConstants.PERSISTENCE_ENABLED_PROPERTY_NAME, "false");
        properties.setProperty(BrokerConstants.METRICS_ENABLE_PROPERTY_NAME, "false");
        properties.setProperty(BrokerConstants.BUGSNAG_ENABLE_PROPERTY_NAME, "false");
        // Moquette otherwise reports its use to its makers over the internet, writing an id file in the working folder first
        properties.setProperty(BrokerConstants.ENABLE_TELEMETRY_NAME, "false");
        properties.setProperty(BrokerConstants.NETTY_SO_REUSEADDR_PROPERTY_NAME, "true");
        IAuthenticator authenticator = (clientId, user, password) -> user != null && password != null
                && credentials.test(user, password);
        IAuthorizatorPolicy topics = new IAuthorizatorPolicy() {
            @Override
            public boolean canWrite(Topic topic, String user, String client) {
                return Topics.mayPublish(user, topic.toString());
            }

            @Override
            public boolean canRead(Topic topic, String user, String client) {
                return Topics.maySubscribe(user, topic.toString());
            }
        };
        Server started = new Server();
        try {
            started.startServer(new MemoryConfig(properties), List.of(), null, authenticator, topics);
        } catch (IOException | RuntimeException e) {
            started.stopServer();
            throw new TinymlException("cannot start the MQTT broker on " + host + ":" + port + ": "
                    + (e instanceof IOException io ? IoFailure.reason(io) : e.getMessage()) + "; is another broker there? pick "
                    + "another port with --mqtt-port", e);
        }
        server = started;
    }

    @Override
    public synchronized void close() {
        server.stopServer();
    }
}
