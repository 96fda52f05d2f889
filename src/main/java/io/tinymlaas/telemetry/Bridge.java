package io.tinymlaas.telemetry;

import io.tinymlaas.core.TinymlException;
import io.tinymlaas.device.LiveBoard;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The process that owns one host's devices, emulated or real boards on serial ports: brings each up on the firmware its
 * flash holds (see {@link Booter}), asks each for an inference on a schedule, and publishes a heartbeat per device at a
 * fixed interval and a telemetry report per inference, QoS 1. A restart command from the service brings a device up again
 * on its flash's new image.
 */
public final class Bridge implements AutoCloseable {

    /** Where a device's current firmware comes from: the service's registry keeps every device's flash. */
    public interface Flash {
        Firmware active(long deviceId);
    }

    /**
     * Brings a device up on its firmware, kept in {@code elf}: boots it in the board's emulator, or, for a real board on a
     * serial port, opens the port (the board runs what was flashed onto it by hand: its flash cannot be read back, so its
     * heartbeat names the image the registry holds, and the model the board's HELLO names, which decides its trust).
     */
    public interface Booter {
        LiveBoard boot(Firmware firmware, Path elf);
    }

    /**
     * @param name      the bridge's name, which is also its broker user name
     * @param heartbeat how often each device's heartbeat goes out
     * @param inference how long each device waits between inferences
     */
    public record Settings(String name, String brokerUrl, String password, Duration heartbeat, Duration inference,
                           Path workDirectory) {
    }

    /** Booting takes a while (the emulator, then the serial link's settling time); a few at a time, not all 20 at once. */
    private static final int THREADS = 4;

    private final Settings settings;
    private final Map<Long, BridgedDevice> devices;
    private final ScheduledExecutorService schedule;
    private MqttLink link;

    private Bridge(Settings settings, Map<Long, BridgedDevice> devices) {
        this.settings = settings;
        this.devices = devices;
        this.schedule = Executors.newScheduledThreadPool(Math.min(THREADS, Math.max(1, devices.size())));
    }

    /** Connects to the broker, then boots every device and starts their heartbeats and inferences. */
    public static Bridge start(Settings settings, List<Long> deviceIds, Flash flash, Booter booter) {
        Map<Long, BridgedDevice> devices = deviceIds.stream().collect(Collectors.toMap(Function.identity(),
                id -> new BridgedDevice(id, flash, booter, settings.workDirectory().resolve("device-" + id))));
        Bridge bridge = new Bridge(settings, devices);
        bridge.link = MqttLink.connect(settings.brokerUrl(), settings.name(), settings.name(), settings.password(),
                List.of(Topics.commands(settings.name())), (topic, payload) -> bridge.command(payload));
        long heartbeat = settings.heartbeat().toMillis();
        long inference = settings.inference().toMillis();
        int started = 0;
        for (BridgedDevice device : devices.values()) {
            bridge.schedule.execute(device::boot);
            // at a fixed rate, so a slow answer does not stretch the schedule; spread out, so the devices do not all ask at once
            bridge.schedule.scheduleAtFixedRate(() -> device.infer().ifPresent(bridge::publish),
                    inference + inference * started++ / devices.size(), inference, TimeUnit.MILLISECONDS);
        }
        bridge.schedule.scheduleAtFixedRate(bridge::heartbeats, 0, heartbeat, TimeUnit.MILLISECONDS);
        return bridge;
    }

    /** The devices that run, of all this bridge has. */
    public long running() {
        return devices.values().stream().filter(BridgedDevice::running).count();
    }

    public MqttLink link() {
        return link;
    }

    private void heartbeats() {
        for (BridgedDevice device : devices.values()) {
            device.heartbeat(settings.heartbeat().toMillis()).ifPresent(this::publish);
            if (device.down()) {
                schedule.execute(device::boot);
            }
        }
    }

    private void command(byte[] payload) {
        try {
            Command command = Command.parse(payload);
            BridgedDevice device = devices.get(command.deviceId());
            if (device != null) {
                schedule.execute(device::boot);
            }
        } catch (TinymlException e) {
            // only the service may publish here (the broker sees to it); a command this bridge does not know is left alone
        }
    }

    private void publish(Report report) {
        link.publish(Topics.reports(settings.name()), report.json());
    }

    @Override
    public void close() {
        schedule.shutdownNow();
        try {
            schedule.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        devices.values().forEach(BridgedDevice::stop);
        if (link != null) {
            link.close();
        }
    }
}
