package io.tinymlaas.app;

import io.tinymlaas.core.NotFoundException;
import io.tinymlaas.store.Bridges;
import io.tinymlaas.store.Device;
import io.tinymlaas.store.DeviceHealth;
import io.tinymlaas.store.DeviceHealths;
import io.tinymlaas.store.DeviceImage;
import io.tinymlaas.store.DeviceImages;
import io.tinymlaas.store.Devices;
import io.tinymlaas.store.FleetAlert;
import io.tinymlaas.store.FleetAlerts;
import io.tinymlaas.store.FleetReports;
import io.tinymlaas.telemetry.Command;
import io.tinymlaas.telemetry.Report;
import io.tinymlaas.telemetry.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * What the service does with each message a bridge publishes: checks it (a message that is no report is rejected as
 * malformed; one about a device the bridge does not run, as foreign), stores it once (a report heard again is a
 * duplicate), and brings the device up to date: online, running the image its flash holds (else it is told to restart on
 * it), trusted only while it reports the model it was assigned. Also marks devices offline whose heartbeats stopped.
 * Called from one thread at a time.
 */
final class FleetIngest {

    /** A device is offline once this many heartbeat intervals passed without one. */
    static final int MISSED_HEARTBEATS = 3;
    /** A restart that did not take is asked for again after this long. */
    private static final Duration RESTART_AGAIN = Duration.ofSeconds(15);

    private final Devices devices;
    private final DeviceHealths healths;
    private final DeviceImages images;
    private final Bridges bridges;
    private final FleetReports reports;
    private final FleetAlerts alerts;
    private final FleetView view;
    private final FleetEvents events;
    private final BiConsumer<String, Command> commands;
    private final Map<Long, Instant> restartsAsked = new HashMap<>();

    FleetIngest(Devices devices, DeviceHealths healths, DeviceImages images, Bridges bridges, FleetReports reports,
                FleetAlerts alerts, FleetView view, FleetEvents events, BiConsumer<String, Command> commands) {
        this.devices = devices;
        this.healths = healths;
        this.images = images;
        this.bridges = bridges;
        this.reports = reports;
        this.alerts = alerts;
        this.view = view;
        this.events = events;
        this.commands = commands;
    }

    void accept(String topic, byte[] payload) {
        Optional<String> from = Topics.bridgeOfReports(topic);
        if (from.isEmpty()) {
            return;
        }
        String bridge = from.get();
        Instant received = Instant.now();
        Report report;
        try {
            report = Report.parse(payload);
        } catch (Report.MalformedReport e) {
            bridges.count(bridge, Bridges.Count.MALFORMED);
            return;
        }
        if (!bridges.bridgeOf(report.deviceId()).map(bridge::equals).orElse(false)) {
            bridges.count(bridge, Bridges.Count.FOREIGN_DEVICE);
            return;
        }
        boolean telemetry = report.kind().equals(Report.TELEMETRY);
        if (!reports.add(report.deviceId(), report.seq(), report.kind(), Instant.ofEpochMilli(report.sentAtMillis()), received,
                telemetry ? report.inferences() : 0, telemetry ? report.errors() : 0, report.instructions(), report.latencyMicros())) {
            bridges.count(bridge, Bridges.Count.DUPLICATES);
            return;
        }
        bridges.count(bridge, Bridges.Count.ACCEPTED);
        try {
            if (telemetry) {
                healths.inferred(report.deviceId(), report.inferences(), report.errors(), report.error());
            } else {
                heartbeat(bridge, report, received);
            }
        } catch (NotFoundException unregistered) {
            // the device was unregistered since: nothing left to bring up to date
        }
    }

    private void heartbeat(String bridge, Report report, Instant received) {
        long id = report.deviceId();
        FleetDevice before = view.device(id);
        Optional<DeviceImage> flashed = images.find(id, DeviceImage.ACTIVE);
        Device.Status status;
        boolean trusted = true;
        if (report.state().equals(Report.FAILED)) {
            status = Device.Status.FAILED;
            raise(id, FleetAlert.FAILED, "the device does not run: " + report.error());
        } else {
            alerts.clear(id, FleetAlert.FAILED);
            if (flashed.isPresent() && !flashed.get().sha256().equals(report.firmwareSha256())) {
                status = Device.Status.UPDATING;
                askRestart(bridge, id, received);
            } else {
                trusted = flashed.isPresent() && flashed.get().modelHash().equals(report.modelHash());
                status = Device.Status.ONLINE;
            }
        }
        if (trusted) {
            alerts.clear(id, FleetAlert.UNTRUSTED);
        } else {
            raise(id, FleetAlert.UNTRUSTED, "reports model " + report.modelHash() + (flashed.isEmpty() ? " but was assigned none"
                    : " but was assigned " + flashed.get().modelHash() + " (" + flashed.get().modelId() + ")"));
        }
        alerts.clear(id, FleetAlert.OFFLINE);
        healths.heartbeat(id, received, report.intervalMillis(), report.firmwareSha256(), report.modelHash(), trusted,
                report.error());
        if (status == Device.Status.ONLINE && trusted) {
            devices.reported(id, status, report.firmwareSha256(), flashed.get().modelId());
        } else {
            devices.status(id, status);
        }
        tellIfChanged(before, view.device(id));
    }

    /** Marks offline every device whose heartbeats stopped, with an alert saying since when. */
    void sweep() {
        Instant now = Instant.now();
        for (DeviceHealth health : healths.list()) {
            Duration silence = Duration.between(health.lastHeartbeat(), now);
            if (silence.toMillis() <= MISSED_HEARTBEATS * health.intervalMillis()) {
                continue;
            }
            Device device;
            try {
                device = devices.get(health.deviceId());
            } catch (NotFoundException unregistered) {
                continue;
            }
            if (device.status() == Device.Status.OFFLINE || device.status() == Device.Status.REGISTERED) {
                continue;
            }
            FleetDevice before = view.device(device.id());
            devices.status(device.id(), Device.Status.OFFLINE);
            raise(device.id(), FleetAlert.OFFLINE, "no heartbeat since " + health.lastHeartbeat() + " (" + MISSED_HEARTBEATS
                    + " missed at one every " + health.intervalMillis() + " ms)");
            tellIfChanged(before, view.device(device.id()));
        }
    }

    /** Deletes the reports heard longer than {@code keep} ago. */
    void prune(Duration keep) {
        reports.prune(Instant.now().minus(keep));
    }

    private void askRestart(String bridge, long deviceId, Instant now) {
        Instant asked = restartsAsked.get(deviceId);
        if (asked == null || asked.plus(RESTART_AGAIN).isBefore(now)) {
            restartsAsked.put(deviceId, now);
            commands.accept(bridge, Command.restart(deviceId));
        }
    }

    private void raise(long deviceId, String kind, String message) {
        alerts.raise(deviceId, kind, message).ifPresent(alert -> events.tell(FleetEvent.ALERT, alert));
    }

    private void tellIfChanged(FleetDevice before, FleetDevice after) {
        if (before == null || !before.status().equals(after.status()) || before.trusted() != after.trusted()
                || !Objects.equals(before.reportedModelHash(), after.reportedModelHash())) {
            events.tell(FleetEvent.DEVICE, after);
        }
    }
}
