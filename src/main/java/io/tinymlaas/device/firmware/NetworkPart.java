package io.tinymlaas.device.firmware;

import io.tinymlaas.compile.CompiledModel;
import io.tinymlaas.core.Hashes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A compiled network as one part of a board model that runs more than the network (the keyword spotter, the face
 * follower): the generated C goes unchanged into {@code network/}, and {@code firmware/network/network.c} brings it in
 * under the names {@code tinyml_network_*}. Its hash covers the network and that adapter.
 */
final class NetworkPart {

    /** Where the generated model.c/model.h go, as network.c includes them. */
    private static final String DIRECTORY = "network";
    private static final String ADAPTER = "network.c";

    private final CompiledModel network;
    private final byte[] adapter;

    NetworkPart(Path firmwareRoot, CompiledModel network) {
        this.network = network;
        this.adapter = FrontEndModel.read(firmwareRoot.resolve("network").resolve(ADAPTER));
    }

    String hash() {
        return network.modelHash() + Hashes.sha256(adapter);
    }

    /** The sizes and hash of the network, as defines for the board model's model.h. */
    String defines() {
        return "#define TINYML_NETWORK_INPUT_BYTES %d\n#define TINYML_NETWORK_OUTPUT_BYTES %d\n#define TINYML_NETWORK_HASH \"%s\"\n"
                .formatted(network.inputBytes(), network.outputBytes(), network.modelHash());
    }

    void writeTo(Path directory) throws IOException {
        network.writeTo(directory.resolve(DIRECTORY));
        Files.write(directory.resolve(ADAPTER), adapter);
    }

    static String hashOf(String... parts) {
        return Hashes.sha256(String.join("", parts).getBytes(StandardCharsets.UTF_8));
    }
}
