package io.tinymlaas.app;

/**
 * Where the fleet's MQTT broker is: the embedded one on {@code host:port}, or an external one at {@code brokerUrl} (e.g.
 * Mosquitto, tcp://host:1883) that the service joins as {@code serviceUser} with {@code servicePassword}.
 *
 * @param brokerUrl null for the embedded broker
 */
public record TelemetryOptions(String brokerUrl, String host, int port, String serviceUser, String servicePassword) {

    public static TelemetryOptions embedded(String host, int port) {
        return new TelemetryOptions(null, host, port, null, null);
    }

    /** The embedded broker on a port nobody listens on now (Moquette cannot pick one itself and say which). */
    public static TelemetryOptions embeddedOnFreePort(String host) {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return embedded(host, socket.getLocalPort());
        } catch (java.io.IOException e) {
            throw new io.tinymlaas.core.TinymlException("no free port for the MQTT broker: " + e.getMessage(), e);
        }
    }
}
