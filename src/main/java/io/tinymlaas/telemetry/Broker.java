package io.tinymlaas.telemetry;

/** An MQTT broker the service starts and looks after: where the bridges reach it, its accounts, and an outage on demand. */
public interface Broker extends AutoCloseable {

    /** Where clients connect, e.g. tcp://127.0.0.1:1883. */
    String url();

    /** Lets a new bridge log in as {@code user} with {@code password}; returns once the broker admits it. */
    void admit(String user, String password);

    /** Stops the broker, dropping every client and what it held for them, and starts it again on the same port. */
    void restart();

    @Override
    void close();
}
