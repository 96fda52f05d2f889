package io.tinymlaas.app;

import io.tinymlaas.compile.CompiledFile;
import io.tinymlaas.core.InvalidInputException;
import io.tinymlaas.core.NotFoundException;
import io.tinymlaas.core.TinymlException;
import io.tinymlaas.lifecycle.FirmwareUpdate;
import io.tinymlaas.lifecycle.FirmwareUpdate.Image;
import io.tinymlaas.lifecycle.FirmwareUpdate.Verification;
import io.tinymlaas.store.Device;
import io.tinymlaas.store.DeviceImage;
import io.tinymlaas.store.DeviceImages;
import io.tinymlaas.store.Devices;
import io.tinymlaas.store.ModelVersion;
import io.tinymlaas.store.Rollout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Assigning a model to devices, as an over-the-air update per device: build, flash, verify (HELLO names the model, test
 * inferences bit-identical to the interpreter), and flash the previous firmware back when verification fails. Devices
 * are updated group by group, as a job; a group whose failures put the rollout over its error threshold stops it, as
 * fleet update services such as Eclipse hawkBit do.
 */
final class ModelRollout {

    private final Tinyml engine;
    private final Devices devices;
    private final DeviceImages images;
    private final io.tinymlaas.store.Rollouts rollouts;

    ModelRollout(Tinyml engine, Devices devices, DeviceImages images, io.tinymlaas.store.Rollouts rollouts) {
        this.engine = engine;
        this.devices = devices;
        this.images = images;
        this.rollouts = rollouts;
    }

    /** Checks the request and queues the rollout, every device PENDING in the order it will be updated. */
    Rollout queue(RolloutRequest request, ModelVersion model, String createdBy) {
        if (model.int8File() == null || !Files.isRegularFile(Path.of(model.int8File()))) {
            throw new InvalidInputException("modelId", "model " + model.id() + " has no int8 .tflite file to build firmware from"
                    + (model.int8File() == null ? " (it was never converted)" : " (" + model.int8File() + " is gone)"));
        }
        int groupSize = request.groupSize() == null ? 1 : request.groupSize();
        if (groupSize < 1) {
            throw new InvalidInputException("groupSize", "must be at least 1, not " + groupSize);
        }
        double threshold = request.errorThreshold() == null ? 0 : request.errorThreshold();
        if (threshold < 0 || threshold > 1) {
            throw new InvalidInputException("errorThreshold", "is a share of devices, from 0 to 1, not " + threshold);
        }
        List<Device> targets = EmulatedDevices.named(devices, request.devices(), "updates over the air reach");
        engine.compile(Path.of(model.int8File()));
        return rollouts.create(model.id(), targets, groupSize, threshold, createdBy);
    }

    /**
     * Runs a queued rollout, for a job worker: group by group, the devices still PENDING (a worker that takes over after
     * another died carries on), stopping when the share of failed devices passes the threshold.
     */
    void execute(long rolloutId, ModelVersion model) {
        if (!rollouts.start(rolloutId)) {
            if (rollouts.get(rolloutId).status().equals(Rollout.CANCELLING)) {
                endCancelled(rolloutId);
            }
            return;
        }
        Rollout rollout = rollouts.get(rolloutId);
        CompiledFile compiled;
        try {
            compiled = engine.compile(Path.of(model.int8File()));
        } catch (TinymlException e) {
            // the model was checked when the rollout was queued; a worker that cannot read it now says so and touches nothing
            rollouts.skipPending(rolloutId, "not tried: this worker cannot compile the model: " + e.getMessage());
            rollouts.finish(rolloutId, Rollout.STOPPED, "this worker cannot compile the model: " + e.getMessage());
            return;
        }
        int groups = rollout.devices().stream().mapToInt(Rollout.DeviceUpdate::group).max().orElse(0);
        for (int group = 1; group <= groups; group++) {
            for (Rollout.DeviceUpdate pending : rollouts.get(rolloutId).devices()) {
                if (rollouts.get(rolloutId).status().equals(Rollout.CANCELLING)) {
                    endCancelled(rolloutId);
                    return;
                }
                if (pending.group() == group && pending.status().equals(Rollout.DeviceUpdate.PENDING)) {
                    rollouts.device(rolloutId, update(pending, model, compiled));
                }
            }
            List<Rollout.DeviceUpdate> done = rollouts.get(rolloutId).devices().stream()
                    .filter(update -> !update.status().equals(Rollout.DeviceUpdate.PENDING)).toList();
            long failed = done.stream().filter(Rollout.DeviceUpdate::failed).count();
            if ((double) failed / done.size() > rollout.errorThreshold() && group < groups) {
                String why = "stopped after group " + group + ": " + failed + " of " + done.size()
                        + " devices failed, over the threshold of " + rollout.errorThreshold();
                rollouts.skipPending(rolloutId, "not tried: the rollout " + why);
                rollouts.finish(rolloutId, Rollout.STOPPED, why);
                return;
            }
        }
        List<Rollout.DeviceUpdate> all = rollouts.get(rolloutId).devices();
        rollouts.finish(rolloutId, Rollout.COMPLETED, all.stream().filter(update -> !update.failed()).count() + " of " + all.size()
                + " devices verified");
    }

    private void endCancelled(long rolloutId) {
        Rollout rollout = rollouts.get(rolloutId);
        rollouts.skipPending(rolloutId, "not tried: the rollout was cancelled");
        rollouts.finish(rolloutId, Rollout.CANCELLED, rollout.detail() + "; "
                + rollouts.get(rolloutId).devices().stream().filter(update -> update.status().equals(Rollout.DeviceUpdate.VERIFIED)).count()
                + " devices had been updated");
    }

    private Rollout.DeviceUpdate update(Rollout.DeviceUpdate pending, ModelVersion model, CompiledFile compiled) {
        long started = System.nanoTime();
        int group = pending.group();
        Device device;
        try {
            device = devices.get(pending.deviceId());
        } catch (NotFoundException e) {
            return new Rollout.DeviceUpdate(pending.deviceId(), pending.deviceName(), group, "FAILED",
                    "the device was unregistered before its update", 0);
        }
        FirmwareUpdate update;
        Image image;
        try {
            update = engine.firmwareUpdate(device.board(), engine.layout().output().resolve("devices").resolve(String.valueOf(device.id())));
            image = update.build(compiled);
        } catch (TinymlException e) {
            return result(device, group, "REFUSED", "nothing flashed: " + e.getMessage(), started);
        }
        devices.status(device.id(), Device.Status.UPDATING);
        Image flashed = devices.takeFault(device.id()).isPresent() ? image.interruptedHalfway() : image;
        images.flash(stored(device.id(), model.id(), flashed));
        Verification verification = update.verify(flashed, compiled);
        if (verification.passed()) {
            devices.reported(device.id(), Device.Status.ONLINE, flashed.sha256(), model.id());
            return result(device, group, Rollout.DeviceUpdate.VERIFIED, verification.detail(), started);
        }
        return rollBack(device, update, "verification failed: " + verification.detail(), group, started);
    }

    private Rollout.DeviceUpdate rollBack(Device device, FirmwareUpdate update, String why, int group, long started) {
        DeviceImage previous = images.find(device.id(), DeviceImage.PREVIOUS).orElse(null);
        if (previous == null) {
            devices.status(device.id(), Device.Status.FAILED);
            return result(device, group, "FAILED", why + "; no earlier firmware to roll back to", started);
        }
        images.rollBack(device.id());
        Verification back = update.verifyBoots(new Image(previous.image(), previous.sha256(), previous.modelHash(),
                previous.inputBytes(), previous.textBytes(), previous.dataBytes(), previous.bssBytes()));
        if (!back.passed()) {
            devices.status(device.id(), Device.Status.FAILED);
            return result(device, group, "FAILED", why + "; the earlier firmware did not come back either: " + back.detail(), started);
        }
        devices.reported(device.id(), Device.Status.ONLINE, previous.sha256(), previous.modelId());
        return result(device, group, "ROLLED_BACK", why + "; rolled back to model " + previous.modelId() + ": " + back.detail(),
                started);
    }

    private static DeviceImage stored(long deviceId, String modelId, Image image) {
        return new DeviceImage(deviceId, DeviceImage.ACTIVE, modelId, image.modelHash(), image.sha256(), image.inputBytes(),
                image.text(), image.data(), image.bss(), image.elf(), Instant.now());
    }

    private static Rollout.DeviceUpdate result(Device device, int group, String status, String detail, long started) {
        return new Rollout.DeviceUpdate(device.id(), device.name(), group, status, detail, (System.nanoTime() - started) / 1e9);
    }
}
