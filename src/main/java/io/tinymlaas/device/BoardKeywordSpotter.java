package io.tinymlaas.device;

import io.tinymlaas.compile.CompiledModel;
import io.tinymlaas.device.firmware.KeywordSpotterModel;
import java.nio.file.Path;
import java.util.List;

/**
 * micro_speech on an emulated board as one firmware: each clip goes to the board over the UART (as INFER_CHUNKs), the
 * board's front end and compiled keyword network run in one inference, and the int8 class scores come back with the
 * instructions the board took for both.
 */
public final class BoardKeywordSpotter {

    private final BoardTarget board;
    private final KeywordSpotterModel spotter;

    /** {@code firmwareRoot} is the project's firmware folder; {@code network} the compiled keyword model from {@code source}. */
    public BoardKeywordSpotter(BoardTarget board, Path firmwareRoot, CompiledModel network, String source) {
        this.board = board;
        this.spotter = new KeywordSpotterModel(firmwareRoot, network, source);
    }

    /** One output per clip: the int8 score of each class, and the instructions the board counted for the clip. */
    public TargetRun scores(List<short[]> clips) {
        return board.runFirmware(spotter, ClipBytes.of(clips));
    }
}
