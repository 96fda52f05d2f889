package io.tinymlaas.telemetry;

import io.tinymlaas.core.IoFailure;
import io.tinymlaas.core.TinymlException;
import io.tinymlaas.device.LiveBoard;
import io.tinymlaas.link.ResultMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One device a bridge runs: brought up on its firmware (booted in its emulator, or a real board's serial port opened) and
 * asked for an inference when its turn comes. Booting and inferring take the device in turn; its heartbeat reads what it
 * last knew without waiting for either, so a device that takes long to boot does not hold up the others' heartbeats.
 */
final class BridgedDevice {

    /** What the device runs, as its heartbeat tells it: the image's hash and the model its HELLO named, or why it does not. */
    private record Known(boolean running, String firmwareSha256, String modelHash, String error) {
    }

    private final long id;
    private final Bridge.Flash flash;
    private final Bridge.Booter booter;
    private final Path folder;
    /** Starts at the clock so a bridge started again carries on above what it sent before. */
    private final AtomicLong seq = new AtomicLong(System.currentTimeMillis() * 1000);
    private final AtomicBoolean booting = new AtomicBoolean();
    private final Random inputs;
    /** Null until its first boot ends: a device still coming up has nothing to report, rather than a failure. */
    private volatile Known known;
    private Firmware firmware;
    private LiveBoard board;

    BridgedDevice(long id, Bridge.Flash flash, Bridge.Booter booter, Path folder) {
        this.id = id;
        this.flash = flash;
        this.booter = booter;
        this.folder = folder;
        this.inputs = new Random(id);
    }

    boolean running() {
        Known now = known;
        return now != null && now.running();
    }

    /** Came up once, and is now neither running nor being booted: worth booting again. */
    boolean down() {
        Known now = known;
        return now != null && !now.running() && !booting.get();
    }

    /** Boots the image the device's flash holds now, after stopping what ran before; a boot under way is not started twice. */
    void boot() {
        if (!booting.compareAndSet(false, true)) {
            return;
        }
        try {
            synchronized (this) {
                stop();
                try {
                    firmware = flash.active(id);
                    Path elf = folder.resolve(firmware.sha256().substring(0, 16) + ".elf");
                    Files.createDirectories(folder);
                    Files.write(elf, firmware.elf());
                    board = booter.boot(firmware, elf);
                    known = new Known(true, firmware.sha256(), board.hello().modelHash(), null);
                } catch (IOException e) {
                    known = new Known(false, null, null, "cannot write its firmware into " + folder + ": " + IoFailure.reason(e));
                } catch (RuntimeException e) {
                    // anything else is a bug, still the device's failure to report rather than lost in the bridge's executor
                    known = new Known(false, null, null, e instanceof TinymlException ? e.getMessage() : e.toString());
                }
            }
        } finally {
            booting.set(false);
        }
    }

    /** What the device runs, or why it does not; empty until its first boot ends. */
    Optional<Report> heartbeat(long intervalMillis) {
        Known now = known;
        return Optional.ofNullable(now).map(it -> Report.heartbeat(id, seq.incrementAndGet(), it.running() ? Report.RUNNING
                : Report.FAILED, it.firmwareSha256(), it.modelHash(), intervalMillis, it.error()));
    }

    /** Runs one inference on a random input; empty when the device is not running or is being booted. */
    Optional<Report> infer() {
        if (booting.get()) {
            return Optional.empty();
        }
        synchronized (this) {
            Known now = known;
            if (board == null) {
                return Optional.empty();
            }
            byte[] input = new byte[firmware.inputBytes()];
            inputs.nextBytes(input);
            try {
                ResultMessage result = board.infer(input);
                return Optional.of(Report.telemetry(id, seq.incrementAndGet(), now.firmwareSha256(), now.modelHash(), false,
                        result.instructions(), board.micros(result.instructions()), null));
            } catch (TinymlException e) {
                if (!board.alive()) {
                    stop();
                    known = new Known(false, null, null, "its emulator exited: " + e.getMessage());
                }
                return Optional.of(Report.telemetry(id, seq.incrementAndGet(), now.firmwareSha256(), now.modelHash(), true, null,
                        null, e.getMessage()));
            }
        }
    }

    synchronized void stop() {
        if (board != null) {
            board.close();
            board = null;
        }
    }
}
