package io.tinymlaas.device;

import io.tinymlaas.data.audio.FrontEnd;
import io.tinymlaas.data.audio.FrontEndTables;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.testcontainers.containers.Container.ExecResult;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.MountableFile;

/**
 * The C audio front end ({@code firmware/frontend}) built with gcc in the x86 container and run there over clips,
 * so the features a device computes can be compared with the ones the model was trained on.
 */
public final class X86FrontEnd {

    private final Path firmware;
    private final Path workDirectory;

    public X86FrontEnd(Path firmware, Path workDirectory) {
        this.firmware = firmware;
        this.workDirectory = workDirectory;
    }

    /** The int8 features of each clip of {@value FrontEndTables#CLIP} samples, as the C front end computes them. */
    public List<byte[]> features(List<short[]> clips) {
        X86Container.checkDocker();
        try (GenericContainer<?> container = X86Container.idleContainer()) {
            Path input = writeClips(clips);
            container.start();
            container.copyFileToContainer(MountableFile.forHostPath(firmware), "/build/firmware");
            container.copyFileToContainer(MountableFile.forHostPath(input), "/build/clips.pcm");
            ExecResult build = container.execInContainer("make", "-s", "-f", "firmware/frontend/Makefile", "OUT=out");
            if (build.getExitCode() != 0) {
                throw new TargetException("gcc could not build the front end in the x86 container:\n" + build.getStdout()
                        + build.getStderr());
            }
            ExecResult run = container.execInContainer("sh", "-c", "./out/features < clips.pcm > features.bin");
            if (run.getExitCode() != 0) {
                throw new TargetException("the front end crashed in the x86 container (exit " + run.getExitCode() + "): "
                        + run.getStderr());
            }
            Path output = workDirectory.resolve("features.bin");
            container.copyFileFromContainer("/build/features.bin", output.toString());
            byte[] all = Files.readAllBytes(output);
            if (all.length != clips.size() * FrontEnd.FEATURES) {
                throw new TargetException("the front end wrote " + all.length + " bytes for " + clips.size() + " clips, expected "
                        + FrontEnd.FEATURES + " per clip");
            }
            List<byte[]> features = new ArrayList<>(clips.size());
            for (int i = 0; i < clips.size(); i++) {
                features.add(Arrays.copyOfRange(all, i * FrontEnd.FEATURES, (i + 1) * FrontEnd.FEATURES));
            }
            return features;
        } catch (IOException e) {
            throw new TargetException("x86 container I/O failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TargetException("interrupted while running the front end in the x86 container", e);
        }
    }

    /** Little-endian int16, clip after clip, as the C tool reads them. */
    private Path writeClips(List<short[]> clips) throws IOException {
        ByteArrayOutputStream pcm = new ByteArrayOutputStream(clips.size() * FrontEndTables.CLIP * 2);
        for (int i = 0; i < clips.size(); i++) {
            pcm.writeBytes(ClipBytes.of(clips.get(i), i));
        }
        Files.createDirectories(workDirectory);
        return Files.write(workDirectory.resolve("clips.pcm"), pcm.toByteArray());
    }
}
