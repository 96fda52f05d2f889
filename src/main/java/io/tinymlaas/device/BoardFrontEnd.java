package io.tinymlaas.device;

import io.tinymlaas.device.firmware.FrontEndModel;
import java.nio.file.Path;
import java.util.List;

/**
 * The C audio front end ({@code firmware/frontend}) running on an emulated board in the model's place: each clip goes
 * to the board over the UART (as INFER_CHUNKs, a clip being larger than a frame) and its int8 features come back,
 * with the instructions the board took for them.
 */
public final class BoardFrontEnd {

    private final BoardTarget board;
    private final FrontEndModel frontEnd;

    /** {@code firmwareRoot} is the project's firmware folder. */
    public BoardFrontEnd(BoardTarget board, Path firmwareRoot) {
        this.board = board;
        this.frontEnd = new FrontEndModel(firmwareRoot);
    }

    /** One output per clip: its features, frame-major, and the instructions the board counted for that clip. */
    public TargetRun features(List<short[]> clips) {
        return board.runFirmware(frontEnd, ClipBytes.of(clips));
    }
}
