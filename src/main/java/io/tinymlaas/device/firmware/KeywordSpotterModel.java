package io.tinymlaas.device.firmware;

import io.tinymlaas.compile.CompiledModel;
import io.tinymlaas.compile.FirmwareModel;
import io.tinymlaas.core.Hashes;
import io.tinymlaas.core.IoFailure;
import io.tinymlaas.core.TinymlException;
import io.tinymlaas.data.audio.FrontEnd;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * micro_speech as one firmware: the audio front end ({@link FrontEndModel}'s sources) feeding an ahead-of-time
 * compiled keyword network, so one INFER takes a clip of 16-bit PCM and answers the network's int8 scores.
 * {@code firmware/frontend/keyword_model.c} is the board's model; the generated C comes in unchanged, under other names
 * ({@link NetworkPart}). The hash the board names covers the front end, the network and both adapters.
 */
public final class KeywordSpotterModel implements FirmwareModel {

    private static final String ADAPTER = "keyword_model.c";

    private final FrontEndModel frontEnd;
    private final CompiledModel network;
    private final NetworkPart networkPart;
    private final byte[] adapter;
    private final String hash;

    /**
     * {@code firmwareRoot} is the project's firmware folder; {@code network} the compiled keyword model, which must take
     * the front end's {@value FrontEnd#FEATURES} int8 features as its input.
     */
    public KeywordSpotterModel(Path firmwareRoot, CompiledModel network, String networkSource) {
        if (network.inputBytes() != FrontEnd.FEATURES) {
            throw new TinymlException(networkSource + ": the keyword model takes " + network.inputBytes() + " input bytes, but the "
                    + "audio front end gives " + FrontEnd.FEATURES + " (49 frames x 40 channels of int8)");
        }
        this.frontEnd = new FrontEndModel(firmwareRoot);
        this.network = network;
        this.networkPart = new NetworkPart(firmwareRoot, network);
        this.adapter = FrontEndModel.read(firmwareRoot.resolve("frontend").resolve(ADAPTER));
        this.hash = NetworkPart.hashOf(frontEnd.modelHash(), networkPart.hash(), Hashes.sha256(adapter));
    }

    @Override
    public String modelHash() {
        return hash;
    }

    /** The int8 scores the board answers per clip, one per class. */
    public int outputBytes() {
        return network.outputBytes();
    }

    @Override
    public Path writeTo(Path directory) {
        try {
            frontEnd.writeFrontEnd(directory);
            networkPart.writeTo(directory);
            Files.write(directory.resolve("model.c"), adapter);
            String defines = networkPart.defines();
            Files.writeString(directory.resolve("model.h"), FrontEndModel.header("Keyword spotting (micro_speech) as the board's "
                    + "model: the audio front end, then the compiled keyword network (firmware/frontend/" + ADAPTER + ").",
                    FrontEndModel.INPUT_BYTES, network.outputBytes(), hash, defines), StandardCharsets.UTF_8);
            return directory;
        } catch (IOException e) {
            throw new TinymlException("cannot write the keyword spotter's firmware sources to " + directory + ": " + IoFailure.reason(e), e);
        }
    }
}
