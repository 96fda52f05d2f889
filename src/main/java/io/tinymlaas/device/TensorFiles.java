package io.tinymlaas.device;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A run's tensors kept in its work folder, back to back as the x86 runner reads and writes them ({@code inputs.bin},
 * {@code outputs.bin}), so any target's run can be looked at afterwards the same way.
 */
final class TensorFiles {

    private TensorFiles() {
    }

    /** Writes the tensors, each of {@code tensorBytes}, into {@code folder/name}; a tensor of another size is a bug. */
    static Path write(Path folder, String name, List<byte[]> tensors, int tensorBytes) {
        byte[] all = new byte[tensors.size() * tensorBytes];
        for (int i = 0; i < tensors.size(); i++) {
            if (tensors.get(i).length != tensorBytes) {
                throw new IllegalArgumentException(name + ": tensor " + i + " has " + tensors.get(i).length + " bytes, not "
                        + tensorBytes);
            }
            System.arraycopy(tensors.get(i), 0, all, i * tensorBytes, tensorBytes);
        }
        try {
            Files.createDirectories(folder);
            return Files.write(folder.resolve(name), all);
        } catch (IOException e) {
            throw new TargetException("cannot write " + name + " to " + folder + ": " + e.getMessage(), e);
        }
    }
}
