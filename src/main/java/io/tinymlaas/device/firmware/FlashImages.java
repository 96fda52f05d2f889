package io.tinymlaas.device.firmware;

import io.tinymlaas.device.board.Board;
import io.tinymlaas.device.board.Device;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writes a linked program (objcopy's raw bytes from the flash origin on) as the image files a board's descriptor lists. */
final class FlashImages {

    private FlashImages() {
    }

    /** {@code <board>.bin}, {@code .hex} and {@code .uf2} as the descriptor lists them, in {@code directory}, in that order. */
    static List<Path> write(Path rawImage, Board board, Path directory) {
        Device device = board.device();
        try {
            byte[] image = Files.readAllBytes(rawImage);
            List<Path> written = new ArrayList<>();
            for (Device.ImageFormat format : device.images()) {
                Path file = directory.resolve(board.id() + format.extension());
                switch (format) {
                    case BIN -> Files.write(file, image);
                    case HEX -> Files.writeString(file, IntelHex.encode(image, device.flashOrigin()), StandardCharsets.US_ASCII);
                    case UF2 -> Files.write(file, Uf2.encode(image, device.flashOrigin(), board.family().uf2FamilyId()
                            .orElseThrow(() -> new FirmwareBuildException(board.family().yamlName() + " has no UF2 family id"))));
                }
                written.add(file);
            }
            return written;
        } catch (IOException e) {
            throw new FirmwareBuildException("cannot write the flash images of " + board.id() + " in " + directory + ": " + e.getMessage(), e);
        }
    }
}
