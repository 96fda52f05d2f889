package io.tinymlaas.telemetry;

import java.util.Optional;

/**
 * The topics of the fleet: each bridge publishes its devices' reports on {@code tinyml/bridges/<bridge>/reports} and hears
 * commands on {@code tinyml/bridges/<bridge>/commands}. A bridge's broker user name is its name, so the broker can keep
 * each bridge to its own two topics and the topic a report came on names the bridge that sent it.
 */
public final class Topics {

    /** The service's own broker account: it hears every bridge and commands any. */
    public static final String SERVICE_USER = "tinyml-service";
    /** What the service subscribes to. */
    public static final String ALL_REPORTS = "tinyml/bridges/+/reports";

    private static final String PREFIX = "tinyml/bridges/";

    private Topics() {
    }

    public static String reports(String bridge) {
        return PREFIX + bridge + "/reports";
    }

    public static String commands(String bridge) {
        return PREFIX + bridge + "/commands";
    }

    /** The bridge whose reports topic this is; empty for any other topic. */
    public static Optional<String> bridgeOfReports(String topic) {
        if (!topic.startsWith(PREFIX) || !topic.endsWith("/reports")) {
            return Optional.empty();
        }
        String bridge = topic.substring(PREFIX.length(), topic.length() - "/reports".length());
        return bridge.isEmpty() || bridge.contains("/") ? Optional.empty() : Optional.of(bridge);
    }

    /** A bridge may publish only its own reports; the service anything. */
    public static boolean mayPublish(String user, String topic) {
        return SERVICE_USER.equals(user) || reports(user).equals(topic);
    }

    /** A bridge may hear only its own commands; the service anything. */
    public static boolean maySubscribe(String user, String topic) {
        return SERVICE_USER.equals(user) || commands(user).equals(topic);
    }

    /** The same rules as {@link #mayPublish} and {@link #maySubscribe}, as a Mosquitto ACL file ({@code %u}: the user's name). */
    public static String mosquittoAcl() {
        return "user " + SERVICE_USER + "\ntopic readwrite " + PREFIX + "#\n\n"
                + "pattern write " + reports("%u") + "\npattern read " + commands("%u") + "\n";
    }
}
