package io.tinymlaas.device;

import io.tinymlaas.compile.CompiledModel;
import io.tinymlaas.device.firmware.FirmwareBuilder;
import io.tinymlaas.device.firmware.ProgramSize;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.Container.ExecResult;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.images.ImagePullPolicy;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

/**
 * Builds the generated C with gcc inside the locally built image and runs it there: no hardware and no
 * toolchain on the host. The image is made by bin/setup and never pulled.
 */
public final class X86Container implements InferenceTarget {

    public static final String IMAGE = "tinyml/x86-gcc:latest";
    static final String SETUP_HINT = "run bin/setup (it installs docker.io, starts dockerd and builds " + IMAGE + ")";
    private static final ImagePullPolicy NEVER_PULL = image -> false;

    private final Path firmware;
    private final Path workDirectory;

    public X86Container(Path firmware, Path workDirectory) {
        this.firmware = firmware;
        this.workDirectory = workDirectory;
    }

    @Override
    public String id() {
        return "x86";
    }

    @Override
    public TargetRun run(CompiledModel model, List<byte[]> inputs) {
        checkDocker();
        Path modelDir = model.writeTo(workDirectory.resolve("model"));
        Path inputFile = TensorFiles.write(workDirectory, "inputs.bin", inputs, model.inputBytes());
        try (GenericContainer<?> container = idleContainer()) {
            container.start();
            container.copyFileToContainer(MountableFile.forHostPath(firmware), "/build/firmware");
            container.copyFileToContainer(MountableFile.forHostPath(modelDir), "/build/model");
            container.copyFileToContainer(MountableFile.forHostPath(inputFile), "/build/inputs.bin");

            ExecResult build = exec(container, "make", "-s", "-f", "firmware/targets/x86/Makefile", "MODEL_DIR=model", "OUT=out",
                    FirmwareBuilder.extraCflags(model));
            if (build.getExitCode() != 0) {
                throw new TargetException("gcc could not build the generated C for the x86 container:\n"
                        + build.getStdout() + build.getStderr());
            }
            ExecResult size = exec(container, "size", "out/runner");
            ExecResult run = exec(container, "sh", "-c", "./out/runner < inputs.bin > outputs.bin");
            if (run.getExitCode() != 0) {
                throw new TargetException("the model crashed in the x86 container (exit " + run.getExitCode() + "): "
                        + run.getStderr());
            }
            Path outputFile = workDirectory.resolve("outputs.bin");
            container.copyFileFromContainer("/build/outputs.bin", outputFile.toString());
            return new TargetRun(split(Files.readAllBytes(outputFile), model.outputBytes(), inputs.size()), List.of(),
                    ProgramSize.parse(size.getStdout()), "gcc in " + IMAGE);
        } catch (IOException e) {
            throw new TargetException("x86 container I/O failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TargetException("interrupted while running in the x86 container", e);
        }
    }

    /** The local build image, idle until the caller copies files in and runs commands; never pulled. */
    static GenericContainer<?> idleContainer() {
        return new GenericContainer<>(DockerImageName.parse(IMAGE))
                .withImagePullPolicy(NEVER_PULL)
                .withCommand("sleep", "infinity")
                .withStartupTimeout(Duration.ofSeconds(60));
    }

    private static ExecResult exec(GenericContainer<?> container, String... command)
            throws IOException, InterruptedException {
        return container.execInContainer(command);
    }

    static void checkDocker() {
        if (!DockerClientFactory.instance().isDockerAvailable()) {
            throw new TargetException("Docker is not available; " + SETUP_HINT);
        }
        try {
            DockerClientFactory.instance().client().inspectImageCmd(IMAGE).exec();
        } catch (com.github.dockerjava.api.exception.NotFoundException e) {
            throw new TargetException("the image " + IMAGE + " does not exist; " + SETUP_HINT);
        }
    }

    private static List<byte[]> split(byte[] all, int outputBytes, int expected) {
        if (all.length != expected * outputBytes) {
            throw new TargetException("the x86 runner wrote " + all.length + " bytes, expected " + expected + " outputs of "
                    + outputBytes + " bytes");
        }
        List<byte[]> outputs = new ArrayList<>(expected);
        for (int i = 0; i < expected; i++) {
            outputs.add(java.util.Arrays.copyOfRange(all, i * outputBytes, (i + 1) * outputBytes));
        }
        return outputs;
    }
}
