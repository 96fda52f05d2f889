package io.tinymlaas.device.firmware;

import io.tinymlaas.device.board.Board;
import io.tinymlaas.device.board.Device;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/** Writes a linked program as the image files a board's descriptor lists. */
final class FlashImages {

    private FlashImages() {
    }

    /**
     * {@code <board>.bin}, {@code .hex}, {@code .uf2} and {@code .elf} as the descriptor lists them, in {@code directory},
     * in that order; all but the ELF from objcopy's raw bytes from the flash origin on ({@code firmware.bin} beside it).
     */
    static List<Path> write(Firmware firmware, Board board, Path directory) {
        Device device = board.device();
        try {
            byte[] image = Files.readAllBytes(firmware.elf().resolveSibling("firmware.bin"));
            List<Path> written = new ArrayList<>();
            for (Device.ImageFormat format : device.images()) {
                Path file = directory.resolve(board.id() + format.extension());
                switch (format) {
                    case BIN -> Files.write(file, image);
                    case HEX -> Files.writeString(file, IntelHex.encode(image, device.flashOrigin()), StandardCharsets.US_ASCII);
                    case UF2 -> Files.write(file, Uf2.encode(image, device.flashOrigin(), board.family().uf2FamilyId()
                            .orElseThrow(() -> new FirmwareBuildException(board.family().yamlName() + " has no UF2 family id"))));
                    case ELF -> Files.copy(firmware.elf(), file, StandardCopyOption.REPLACE_EXISTING);
                }
                written.add(file);
            }
            return written;
        } catch (IOException e) {
            throw new FirmwareBuildException("cannot write the flash images of " + board.id() + " in " + directory + ": " + e.getMessage(), e);
        }
    }
}
