package io.tinymlaas.app;

import io.tinymlaas.store.BridgeAccount;
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
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The fleet read back from the registry: each device's view, and the summary the dashboard draws. */
final class FleetView {

    static final int FAILURE_MINUTES = 30;
    private static final int ALERTS = 20;
    private static final List<Device.Status> STATUSES = List.of(Device.Status.ONLINE, Device.Status.OFFLINE, Device.Status.UPDATING,
            Device.Status.FAILED, Device.Status.REGISTERED);

    private final Devices devices;
    private final DeviceHealths healths;
    private final DeviceImages images;
    private final Bridges bridges;
    private final FleetReports reports;
    private final FleetAlerts alerts;

    FleetView(Devices devices, DeviceHealths healths, DeviceImages images, Bridges bridges, FleetReports reports, FleetAlerts alerts) {
        this.devices = devices;
        this.healths = healths;
        this.images = images;
        this.bridges = bridges;
        this.reports = reports;
        this.alerts = alerts;
    }

    FleetDevice device(long id) {
        return view(devices.get(id), healths.find(id).orElse(null), bridges.bridgeOf(id).orElse(null));
    }

    List<FleetDevice> devices() {
        Map<Long, DeviceHealth> health = healths.list().stream().collect(Collectors.toMap(DeviceHealth::deviceId, Function.identity()));
        Map<Long, String> bridgeOf = new HashMap<>();
        for (BridgeAccount bridge : bridges.list()) {
            bridge.devices().forEach(id -> bridgeOf.put(id, bridge.name()));
        }
        return devices.list().stream().map(device -> view(device, health.get(device.id()), bridgeOf.get(device.id()))).toList();
    }

    private FleetDevice view(Device device, DeviceHealth health, String bridge) {
        String assigned = images.find(device.id(), DeviceImage.ACTIVE).map(DeviceImage::modelHash).orElse(null);
        return new FleetDevice(device.id(), device.name(), device.board(), device.status().name(), device.modelId(), bridge,
                health == null ? null : health.lastHeartbeat(), health == null ? device.firmwareSha256() : health.firmwareSha256(),
                assigned, health == null ? null : health.modelHash(), health == null || health.trusted(),
                health == null ? 0 : health.inferences(), health == null ? 0 : health.errors(), health == null ? null : health.lastError());
    }

    FleetSummary summary() {
        Instant now = Instant.now();
        Instant minuteAgo = now.minus(Duration.ofMinutes(1));
        List<Device> all = devices.list();
        Map<String, Long> byStatus = new LinkedHashMap<>();
        STATUSES.forEach(status -> byStatus.put(label(status), all.stream().filter(d -> d.status() == status).count()));
        List<FleetSummary.BoardCount> byBoard = all.stream().collect(Collectors.groupingBy(Device::board, TreeMap::new,
                Collectors.toList())).entrySet().stream().map(board -> new FleetSummary.BoardCount(board.getKey(),
                board.getValue().size(), count(board.getValue(), Device.Status.ONLINE), count(board.getValue(), Device.Status.OFFLINE),
                count(board.getValue(), Device.Status.UPDATING), count(board.getValue(), Device.Status.FAILED))).toList();
        List<FleetSummary.ModelInField> models = all.stream().filter(d -> d.modelId() != null)
                .collect(Collectors.groupingBy(Device::modelId, TreeMap::new, Collectors.toList())).entrySet().stream()
                .map(model -> new FleetSummary.ModelInField(model.getKey(), model.getValue().size(),
                        count(model.getValue(), Device.Status.ONLINE))).toList();
        List<FleetSummary.BoardLatency> latency = reports.perBoard(minuteAgo).stream()
                .map(b -> new FleetSummary.BoardLatency(b.board(), b.inferences(), b.errors(), b.meanLatencyMicros(),
                        b.maxLatencyMicros(), b.meanInstructions())).toList();
        long inferences = latency.stream().mapToLong(FleetSummary.BoardLatency::inferences).sum();
        List<BridgeAccount> accounts = bridges.list();
        FleetSummary.Messages messages = new FleetSummary.Messages(accounts.stream().mapToLong(BridgeAccount::accepted).sum(),
                accounts.stream().mapToLong(BridgeAccount::duplicates).sum(), accounts.stream().mapToLong(BridgeAccount::malformed).sum(),
                accounts.stream().mapToLong(BridgeAccount::foreignDevice).sum());
        long untrusted = healths.list().stream().filter(health -> !health.trusted()).count();
        return new FleetSummary(now, all.size(), byStatus, byBoard, models, inferences, reports.count(minuteAgo), latency,
                failures(now), alerts.recent(ALERTS), untrusted, messages);
    }

    private List<FleetSummary.FailureMinute> failures(Instant now) {
        Instant first = now.truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(FAILURE_MINUTES - 1));
        long[] errors = new long[FAILURE_MINUTES];
        long[] raised = new long[FAILURE_MINUTES];
        for (FleetReports.Errors counted : reports.errors(first)) {
            errors[minute(first, counted.at())] += counted.count();
        }
        for (FleetAlert alert : alerts.since(first)) {
            raised[minute(first, alert.raisedAt())]++;
        }
        List<FleetSummary.FailureMinute> minutes = new ArrayList<>();
        for (int i = 0; i < FAILURE_MINUTES; i++) {
            minutes.add(new FleetSummary.FailureMinute(first.plus(Duration.ofMinutes(i)), errors[i], raised[i]));
        }
        return minutes;
    }

    private static int minute(Instant first, Instant at) {
        return (int) Math.min(FAILURE_MINUTES - 1, Math.max(0, Duration.between(first, at).toMinutes()));
    }

    private static long count(List<Device> devices, Device.Status status) {
        return devices.stream().filter(device -> device.status() == status).count();
    }

    static String label(Device.Status status) {
        return status.name().toLowerCase(Locale.ROOT);
    }
}
