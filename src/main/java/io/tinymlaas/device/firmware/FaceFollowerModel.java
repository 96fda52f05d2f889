package io.tinymlaas.device.firmware;

import io.tinymlaas.compile.CompiledModel;
import io.tinymlaas.compile.FirmwareModel;
import io.tinymlaas.core.Hashes;
import io.tinymlaas.core.IoFailure;
import io.tinymlaas.core.TinymlException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The face-following pan/tilt stand as one firmware: the compiled face-position network, then the servo step
 * ({@code firmware/servo}), so one INFER takes a camera frame and answers the network's {@value PanTilt.CELLS} int8 cell
 * scores followed by the {@value PanTilt#COMMAND_BYTES}-byte servo command. {@code firmware/servo/face_model.c} is the
 * board's model; the hash the board names covers the network, the servo code and both adapters.
 */
public final class FaceFollowerModel implements FirmwareModel {

    private static final String ADAPTER = "face_model.c";
    private static final List<String> SERVO_SOURCES = List.of("servo.c", "servo.h");

    private final CompiledModel network;
    private final NetworkPart networkPart;
    private final int scoreZeroPoint;
    private final byte[] adapter;
    private final List<byte[]> servo;
    private final String hash;

    /**
     * {@code firmwareRoot} is the project's firmware folder; {@code network} the compiled face-position model from
     * {@code source}, whose int8 scores have {@code scoreZeroPoint} as their zero.
     */
    public FaceFollowerModel(Path firmwareRoot, CompiledModel network, int scoreZeroPoint, String source) {
        if (network.outputBytes() != PanTilt.CELLS) {
            throw new TinymlException(source + ": a face-position model answers " + PanTilt.CELLS + " int8 scores, one per cell "
                    + "of a 3x3 grid; this one answers " + network.outputBytes());
        }
        this.network = network;
        this.networkPart = new NetworkPart(firmwareRoot, network);
        this.scoreZeroPoint = scoreZeroPoint;
        Path sources = firmwareRoot.resolve("servo");
        this.adapter = FrontEndModel.read(sources.resolve(ADAPTER));
        this.servo = SERVO_SOURCES.stream().map(name -> FrontEndModel.read(sources.resolve(name))).toList();
        this.hash = NetworkPart.hashOf(networkPart.hash(), Hashes.sha256(adapter), Hashes.sha256(servo.get(0)),
                Hashes.sha256(servo.get(1)), String.valueOf(scoreZeroPoint));
    }

    @Override
    public String modelHash() {
        return hash;
    }

    @Override
    public Path writeTo(Path directory) {
        try {
            Files.createDirectories(directory);
            networkPart.writeTo(directory);
            for (int i = 0; i < SERVO_SOURCES.size(); i++) {
                Files.write(directory.resolve(SERVO_SOURCES.get(i)), servo.get(i));
            }
            Files.write(directory.resolve("model.c"), adapter);
            String defines = networkPart.defines() + "#define TINYML_FACE_SCORE_ZERO_POINT (%d)\n".formatted(scoreZeroPoint);
            Files.writeString(directory.resolve("model.h"), FrontEndModel.header("Face following as the board's model: the "
                    + "compiled face-position network, then the pan/tilt servo step (firmware/servo/" + ADAPTER + ").",
                    network.inputBytes(), PanTilt.CELLS + PanTilt.COMMAND_BYTES, hash, defines), StandardCharsets.UTF_8);
            return directory;
        } catch (IOException e) {
            throw new TinymlException("cannot write the face follower's firmware sources to " + directory + ": " + IoFailure.reason(e), e);
        }
    }
}
