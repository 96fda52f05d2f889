package io.tinymlaas.device;

import io.tinymlaas.compile.CompiledModel;
import io.tinymlaas.device.firmware.FaceFollowerModel;
import java.nio.file.Path;
import java.util.List;

/**
 * The face-following pan/tilt stand on an emulated board as one firmware: each camera frame goes to the board over the
 * UART, the board runs the face-position network and moves its servos one rate-limited step, and answers the int8 cell
 * scores and the servo command. One boot for the whole sequence, so the servos carry their angles from frame to frame.
 */
public final class BoardFaceFollower {

    private final BoardTarget board;
    private final FaceFollowerModel follower;

    /** {@code network} is the compiled face-position model from {@code source}, its scores with {@code scoreZeroPoint}. */
    public BoardFaceFollower(BoardTarget board, Path firmwareRoot, CompiledModel network, int scoreZeroPoint, String source) {
        this.board = board;
        this.follower = new FaceFollowerModel(firmwareRoot, network, scoreZeroPoint, source);
    }

    /** One answer per frame, in order: the cell scores, then the servo command; with the instructions per frame. */
    public TargetRun follow(List<byte[]> frames) {
        return board.runFirmware(follower, frames);
    }
}
