package io.tinymlaas.device;

import io.tinymlaas.compile.CompiledModel;
import io.tinymlaas.device.board.Board;
import io.tinymlaas.device.emulator.BuildProfile;
import io.tinymlaas.device.firmware.Firmware;
import io.tinymlaas.device.firmware.FirmwareBuilder;
import io.tinymlaas.device.firmware.FirmwareTooBigException;
import java.nio.file.Path;

/** memory_footprint: links a model's firmware for a board and reports flash and RAM against the real board's. */
public final class Footprint {

    private final FirmwareBuilder builder;
    private final Targets targets;

    public Footprint(Path firmwareRoot, Targets targets) {
        this.builder = new FirmwareBuilder(firmwareRoot);
        this.targets = targets;
    }

    public FootprintReport measure(CompiledModel model, Board board, Path directory) {
        BuildProfile profile = targets.target(board.id()).buildProfile();
        try {
            Firmware firmware = builder.build(model, board, profile, directory);
            return new FootprintReport(board.id(), firmware.flashBytes(), firmware.flashLimit(), firmware.ramBytes(),
                    firmware.ramLimit(), null, 0);
        } catch (FirmwareTooBigException e) {
            return new FootprintReport(board.id(), -1, profile.flashLength(), -1, profile.ramLength(), e.memory(),
                    e.overflowBytes());
        }
    }
}
